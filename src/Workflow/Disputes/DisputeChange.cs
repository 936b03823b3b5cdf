namespace TicketFlow.Workflow.Disputes;

/// <summary>A change to a dispute's record and its audit entry.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="DisputeId">The dispute.</param>
/// <param name="Status">The status after the change (unchanged when refused).</param>
/// <param name="RecommendationReceivedOn">The date the recommendation was received, once it was.</param>
/// <param name="ClosedOn">The date the dispute closed, once it did.</param>
/// <param name="AuditEntryId">The audit entry's id (deterministic, from the orchestration).</param>
/// <param name="At">When (the orchestration's time).</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What, as the audit trail says it.</param>
/// <param name="Outcome">"done", or the reason an event was refused.</param>
public sealed record DisputeChange(
    string EnPid,
    string DisputeId,
    DisputeStatus Status,
    DateOnly? RecommendationReceivedOn,
    DateOnly? ClosedOn,
    string AuditEntryId,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Outcome);
