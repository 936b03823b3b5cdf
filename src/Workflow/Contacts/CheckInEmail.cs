namespace TicketFlow.Workflow.Contacts;

/// <summary>A check-in email to send to a ticketholder, and the case note that records it as a contact attempt.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="StaffId">The staff member the ticketholder should reply to.</param>
/// <param name="On">The date it is sent.</param>
/// <param name="NoteId">The case note's id (deterministic, from the orchestration).</param>
public sealed record CheckInEmail(string EnPid, string TicketNumber, string StaffId, DateOnly On, string NoteId);
