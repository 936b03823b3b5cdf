namespace TicketFlow.Workflow.Iwps;

/// <summary>One job in the ticketholder's recent work history.</summary>
public sealed record IwpJob
{
    /// <summary>The employer.</summary>
    public string? Employer { get; init; }

    /// <summary>The position held.</summary>
    public string? Position { get; init; }

    /// <summary>First day of the job.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Last day, or null while it continues.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Usual hours per week.</summary>
    public decimal? HoursPerWeek { get; init; }

    /// <summary>Gross monthly earnings in US dollars.</summary>
    public decimal? MonthlyEarnings { get; init; }

    /// <summary>Where the earnings figure comes from.</summary>
    public EarningsSource? EarningsSource { get; init; }
}
