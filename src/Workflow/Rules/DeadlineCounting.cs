namespace TicketFlow.Workflow.Rules;

/// <summary>The unit a deadline is counted in.</summary>
public enum DeadlineCounting
{
    /// <summary>Every day counts; the result does not move off a weekend or holiday.</summary>
    CalendarDays,

    /// <summary>Only federal business days count (not Saturday, Sunday, an observed federal holiday or a closure); the first business day after the clock start is day 1.</summary>
    BusinessDays,

    /// <summary>Calendar months: the same day of the month N months later.</summary>
    CalendarMonths,

    /// <summary>Calendar years: the same month and day N years later.</summary>
    CalendarYears,
}
