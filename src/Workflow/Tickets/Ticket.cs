namespace TicketFlow.Workflow.Tickets;

/// <summary>A ticket an EN holds (or is about to hold) for a ticketholder, as the records show it.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="TicketNumber">The ticket's number, unique within the EN.</param>
/// <param name="TicketholderId">The ticketholder.</param>
/// <param name="Status">Where the ticket stands.</param>
/// <param name="StaffId">The staff member responsible for the ticket, if one is named.</param>
/// <param name="RegisteredOn">The date the ticket was registered in TicketFlow.</param>
/// <param name="AssignedOn">The date the ticket was assigned to the EN, once it is.</param>
/// <param name="PhaseStartedOn">The date the current phase began, once assigned.</param>
/// <param name="UnassignedOn">The date of unassignment, once unassigned.</param>
public sealed record Ticket(
    string EnPid,
    string TicketNumber,
    string TicketholderId,
    TicketStatus Status,
    string? StaffId,
    DateOnly RegisteredOn,
    DateOnly? AssignedOn,
    DateOnly? PhaseStartedOn,
    DateOnly? UnassignedOn);
