namespace TicketFlow.Workflow.Retention;

/// <summary>A ticket whose records are to be destroyed.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="AuditEntryId">The audit entry's id (deterministic, from the orchestration).</param>
/// <param name="At">When (the orchestration's time).</param>
/// <param name="Actor">Who confirmed it, or "system" under an automatic policy.</param>
public sealed record TicketDisposal(string EnPid, string TicketNumber, string AuditEntryId, DateTimeOffset At, string Actor);
