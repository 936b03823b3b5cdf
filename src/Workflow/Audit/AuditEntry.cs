namespace TicketFlow.Workflow.Audit;

/// <summary>Who did what, when. Audit entries never hold a ticketholder's personal information.</summary>
/// <param name="EnPid">The EN whose data changed.</param>
/// <param name="EntryId">A key unique to the change, so that a retried write stores the entry once.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it (a caller's key name or subject, or "system").</param>
/// <param name="Action">What was done, as a short verb phrase (for example "record contact attempt").</param>
/// <param name="Subject">What it was done to (a ticket number, dispute id, review id).</param>
/// <param name="Outcome">What came of it: "done", or the reason it was refused.</param>
public sealed record AuditEntry(string EnPid, string EntryId, DateTimeOffset At, string Actor, string Action, string Subject, string Outcome);
