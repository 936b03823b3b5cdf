namespace TicketFlow.Workflow.Earnings;

/// <summary>An earnings checkpoint to evaluate for a ticket.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="RuleId">twl-earnings-goal or sga-earnings-goal.</param>
/// <param name="CheckpointOn">The checkpoint's date (the rule's date).</param>
public sealed record EarningsCheckpointRequest(string EnPid, string TicketNumber, string RuleId, DateOnly CheckpointOn);
