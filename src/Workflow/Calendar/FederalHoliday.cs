using System.Globalization;

namespace TicketFlow.Workflow.Calendar;

/// <summary>
/// One day on which federal offices are closed: a legal public holiday on its observed date, or a closure by
/// Executive Order. <see cref="Date"/> (the observed date) is what business-day counting uses.
/// </summary>
/// <param name="Date">The observed date: the day offices are closed.</param>
/// <param name="Name">The holiday's name as 5 U.S.C. 6103(a) spells it, or the closure's name (which contains "closure").</param>
/// <param name="Kind">Holiday or closure.</param>
/// <param name="ActualDate">The date the holiday falls on; differs from <see cref="Date"/> when it falls on a weekend.</param>
public sealed record FederalHoliday(DateOnly Date, string Name, FederalHolidayKind Kind, DateOnly ActualDate)
{
    /// <summary>For a closure, the Executive Order that ordered it (its number or date); null for a legal public holiday.</summary>
    public string? Authority { get; init; }

    /// <summary>True when the holiday falls on a Saturday or Sunday and is observed on a weekday instead.</summary>
    public bool IsObservedOnAnotherDay => Date != ActualDate;

    /// <summary>
    /// The name as listed by <c>ticketflow holidays</c>: the plain name, or for a weekend holiday the name and the
    /// day it actually falls on, e.g. "New Year's Day (observed for Saturday 2022-01-01)".
    /// </summary>
    public string DisplayName => IsObservedOnAnotherDay
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} (observed for {ActualDate.DayOfWeek} {ActualDate:yyyy-MM-dd})")
        : Name;
}
