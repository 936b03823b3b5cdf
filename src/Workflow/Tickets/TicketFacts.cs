namespace TicketFlow.Workflow.Tickets;

/// <summary>What the transition table's guards need to know about a ticket besides its status.</summary>
/// <param name="Status">The ticket's current status.</param>
/// <param name="IwpHasBlockingFinding">Whether the signed IWP has a blocking compliance finding.</param>
/// <param name="AssignsInTicketPortal">
/// Whether the EN has Ticket Portal rights (Program Integrity no longer reviews its IWPs before assignment).
/// </param>
/// <param name="StatusSince">
/// The date the ticket entered its current status; an event may not be dated before it (a contact attempt cannot
/// precede the assignment it belongs to). Later events may be logged late, in any order, after that date.
/// </param>
/// <param name="ContactAttempts">
/// For an assigned ticket, the contact attempts on record towards an unassignment for lost contact (counted with the
/// rulebook's cadence); null when not counted (then the workflow, which always counts them, decides).
/// </param>
public sealed record TicketFacts(
    TicketStatus Status,
    bool IwpHasBlockingFinding,
    bool AssignsInTicketPortal,
    DateOnly? StatusSince,
    Contacts.ContactAttemptCount? ContactAttempts = null);
