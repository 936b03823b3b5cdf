namespace TicketFlow.Workflow.Rules;

/// <summary>
/// One deadline the product enforces, as data: how far from which event, counted how, and where it is written.
/// Code that computes a date reads these (through <see cref="DeadlineCalculator"/>), never a literal number of days.
/// </summary>
public sealed record DeadlineRule
{
    /// <summary>Stable id used by the command line and workflows, e.g. "iwp-submission" (see <see cref="RuleIds"/>).</summary>
    public required string Id { get; init; }

    /// <summary>What must (or may) happen by the date, in plain language.</summary>
    public required string Description { get; init; }

    /// <summary>How <see cref="Amount"/> is counted.</summary>
    public required DeadlineCounting Counting { get; init; }

    /// <summary>How many days, months or years.</summary>
    public required int Amount { get; init; }

    /// <summary>What starts the clock.</summary>
    public required ClockStart ClockStart { get; init; }

    /// <summary>What the date means; due-by unless stated.</summary>
    public DeadlineKind Kind { get; init; } = DeadlineKind.DueBy;

    /// <summary>Where the rule is written.</summary>
    public required Citation Citation { get; init; }

    /// <summary>"14 calendar days", "7 business days", "10 calendar months", "3 calendar years".</summary>
    public string Span => Counting switch
    {
        DeadlineCounting.CalendarDays => Plural("calendar day"),
        DeadlineCounting.BusinessDays => Plural("business day"),
        DeadlineCounting.CalendarMonths => Plural("calendar month"),
        DeadlineCounting.CalendarYears => Plural("calendar year"),
        _ => throw new InvalidOperationException($"Unknown counting {Counting}."),
    };

    private string Plural(string unit) => Amount == 1 ? $"1 {unit}" : $"{Amount} {unit}s";
}
