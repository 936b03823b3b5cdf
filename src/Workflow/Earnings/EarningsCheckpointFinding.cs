namespace TicketFlow.Workflow.Earnings;

/// <summary>What an earnings checkpoint found, in numbers and in a sentence for staff and the compliance contact.</summary>
/// <param name="RuleId">twl-earnings-goal or sga-earnings-goal.</param>
/// <param name="CheckpointOn">The checkpoint's date.</param>
/// <param name="Outcome">At or above, below, missing, or no amounts for the year.</param>
/// <param name="Month">The month compared (its first day), when one was recorded.</param>
/// <param name="Recorded">The month's recorded gross earnings, when recorded.</param>
/// <param name="Threshold">The year's TWL or SGA amount, when the rulebook has it.</param>
/// <param name="Text">The finding in words.</param>
public sealed record EarningsCheckpointFinding(
    string RuleId,
    DateOnly CheckpointOn,
    EarningsCheckpointOutcome Outcome,
    DateOnly? Month,
    decimal? Recorded,
    decimal? Threshold,
    string Text)
{
    /// <summary>True when staff and the compliance contact must act (earnings below the amount, missing, or no amounts to compare with).</summary>
    public bool NeedsAttention => Outcome != EarningsCheckpointOutcome.AtOrAbove;
}
