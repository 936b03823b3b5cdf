namespace TicketFlow.Workflow.Iwps;

/// <summary>Part Two, Section 1: the summary of the one-on-one individualized discussion.</summary>
public sealed record IwpDiscussion
{
    /// <summary>The date of the discussion.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>How it took place.</summary>
    public DiscussionModality? Modality { get; init; }

    /// <summary>Synopsis, part 1: why the short- and long-term goals are reasonable and attainable.</summary>
    public string? WhyGoalsAreAttainable { get; init; }

    /// <summary>Synopsis, part 2: how the EN's services and supports will help the ticketholder reach them.</summary>
    public string? HowServicesHelp { get; init; }
}
