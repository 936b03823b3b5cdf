namespace TicketFlow.Workflow.Iwps;

/// <summary>Part Two, Section 3: the vocational goal and its short- and long-term steps.</summary>
public sealed record IwpGoals
{
    /// <summary>The vocational goal developed with the ticketholder (20 CFR 411.465(a)(1)).</summary>
    public string? VocationalGoal { get; init; }

    /// <summary>Expectations for the first 18 months of ticket assignment.</summary>
    public IwpGoal? ShortTerm { get; init; }

    /// <summary>Expectations over the next three to five years.</summary>
    public IwpGoal? LongTerm { get; init; }
}
