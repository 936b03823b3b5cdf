namespace TicketFlow.Workflow.Earnings;

/// <summary>What an earnings checkpoint found.</summary>
public enum EarningsCheckpointOutcome
{
    /// <summary>The month's recorded earnings reach the year's amount.</summary>
    AtOrAbove,

    /// <summary>The month's recorded earnings are below the year's amount.</summary>
    Below,

    /// <summary>No earnings are recorded for the checkpoint's month or the month before.</summary>
    Missing,

    /// <summary>The rulebook has no TWL/SGA amounts for the month's year: nothing to compare with.</summary>
    NoAmounts,
}
