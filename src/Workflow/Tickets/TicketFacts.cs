namespace TicketFlow.Workflow.Tickets;

/// <summary>What the transition table's guards need to know about a ticket besides its status.</summary>
/// <param name="Status">The ticket's current status.</param>
/// <param name="IwpHasBlockingFinding">Whether the signed IWP has a blocking compliance finding.</param>
/// <param name="AssignsInTicketPortal">
/// Whether the EN has Ticket Portal rights (Program Integrity no longer reviews its IWPs before assignment).
/// </param>
/// <param name="LatestDate">The latest event date recorded on the ticket; events may not go back before it.</param>
public sealed record TicketFacts(
    TicketStatus Status,
    bool IwpHasBlockingFinding,
    bool AssignsInTicketPortal,
    DateOnly? LatestDate);
