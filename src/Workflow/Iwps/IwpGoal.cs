namespace TicketFlow.Workflow.Iwps;

/// <summary>A short-term or long-term employment goal: clear and measurable, with hours and monthly earnings.</summary>
public sealed record IwpGoal
{
    /// <summary>The goal in words (what the ticketholder will do, by when).</summary>
    public string? Description { get; init; }

    /// <summary>The type of work or position title.</summary>
    public string? Occupation { get; init; }

    /// <summary>Part-time or full-time.</summary>
    public EmploymentType? EmploymentType { get; init; }

    /// <summary>Hours per week the goal expects.</summary>
    public decimal? HoursPerWeek { get; init; }

    /// <summary>Gross monthly earnings the goal expects, in US dollars.</summary>
    public decimal? MonthlyEarnings { get; init; }

    /// <summary>When the goal should be reached; its year selects the TWL/SGA amounts it is compared with.</summary>
    public DateOnly? TargetDate { get; init; }

    /// <summary>Training, education or certification the goal depends on (type, enrollment status, completion date).</summary>
    public string? Training { get; init; }

    /// <summary>Job advancement the goal aims at (mainly long-term goals).</summary>
    public string? Advancement { get; init; }
}
