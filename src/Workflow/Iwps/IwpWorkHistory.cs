namespace TicketFlow.Workflow.Iwps;

/// <summary>Part Two, Section 2: at least the last six to 18 months of work and earnings.</summary>
public sealed record IwpWorkHistory
{
    /// <summary>How many months back the history covers.</summary>
    public int? MonthsCovered { get; init; }

    /// <summary>True when the ticketholder did not work in the period covered (then <see cref="Jobs"/> is empty).</summary>
    public bool NoWorkInPeriod { get; init; }

    /// <summary>The jobs held in the period.</summary>
    public IReadOnlyList<IwpJob>? Jobs { get; init; }
}
