using System.Collections.Concurrent;
using System.Globalization;

namespace TicketFlow.Workflow.Calendar;

/// <summary>
/// The federal business-day calendar: Monday to Friday, except legal public holidays on their observed dates and
/// one-off closures by Executive Order. Business-day deadlines (Program Integrity's seven-business-day review) are
/// counted on this calendar.
/// </summary>
public sealed class FederalCalendar
{
    /// <summary>The first year the calendar answers for (Martin Luther King, Jr.'s Birthday was first observed in 1986).</summary>
    public const int FirstSupportedYear = 1986;

    /// <summary>The last year the calendar answers for.</summary>
    public const int LastSupportedYear = 2200;

    private readonly IReadOnlyList<FederalClosure> _closures;
    private readonly ConcurrentDictionary<int, IReadOnlyList<FederalHoliday>> _byYear = new();

    /// <summary>Creates a calendar with the given one-off closures (see <see cref="FederalClosures.Known"/>).</summary>
    /// <param name="closures">Closures by Executive Order; each is a non-business day and is listed as a holiday.</param>
    public FederalCalendar(IEnumerable<FederalClosure> closures)
    {
        ArgumentNullException.ThrowIfNull(closures);
        _closures = [.. closures.OrderBy(c => c.Date)];
    }

    /// <summary>The calendar with the known closures.</summary>
    public static FederalCalendar Default { get; } = new(FederalClosures.Known);

    /// <summary>
    /// Every holiday and closure whose observed date falls in <paramref name="year"/>, in date order. New Year's Day
    /// of the next year appears here when it is observed on December 31; a New Year's Day of this year observed on
    /// December 31 of the year before does not.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstSupportedYear"/>..<see cref="LastSupportedYear"/>.</exception>
    public IReadOnlyList<FederalHoliday> HolidaysObservedIn(int year)
    {
        EnsureSupported(year);
        return _byYear.GetOrAdd(year, Compute);
    }

    /// <summary>Every holiday and closure observed from January 1 of <paramref name="fromYear"/> to December 31 of <paramref name="toYear"/>, in date order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year is unsupported, or <paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    public IReadOnlyList<FederalHoliday> HolidaysObservedIn(int fromYear, int toYear)
    {
        EnsureSupported(fromYear);
        EnsureSupported(toYear);
        if (toYear < fromYear)
            throw new ArgumentOutOfRangeException(nameof(toYear), toYear, string.Create(CultureInfo.InvariantCulture, $"The last year ({toYear}) is before the first year ({fromYear})."));
        return [.. Enumerable.Range(fromYear, toYear - fromYear + 1).SelectMany(y => HolidaysObservedIn(y))];
    }

    /// <summary>The holiday or closure observed on <paramref name="date"/>, or null.</summary>
    public FederalHoliday? HolidayOn(DateOnly date)
    {
        foreach (var holiday in HolidaysObservedIn(date.Year))
        {
            if (holiday.Date == date)
                return holiday;
        }

        return null;
    }

    /// <summary>True when <paramref name="date"/> lies in the years the calendar answers for.</summary>
    public static bool Covers(DateOnly date) => date.Year is >= FirstSupportedYear and <= LastSupportedYear;

    /// <summary>True for a Monday to Friday that is neither an observed holiday nor a closure.</summary>
    public bool IsBusinessDay(DateOnly date) => WhyNotABusinessDay(date) is null;

    /// <summary>Null for a business day; otherwise a short reason ("Saturday", "Sunday", or the holiday's display name).</summary>
    public string? WhyNotABusinessDay(DateOnly date)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            return date.DayOfWeek.ToString();
        return HolidayOn(date)?.DisplayName;
    }

    /// <summary>
    /// The date <paramref name="businessDays"/> business days after <paramref name="start"/>: the first business day
    /// after <paramref name="start"/> is day 1, whatever kind of day <paramref name="start"/> itself is.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessDays"/> is negative, or the count runs outside the supported years.</exception>
    public DateOnly AddBusinessDays(DateOnly start, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var date = start;
        for (var counted = 0; counted < businessDays;)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
                counted++;
        }

        return date;
    }

    private IReadOnlyList<FederalHoliday> Compute(int year)
    {
        var legal = LegalPublicHolidays.FallingIn(year)
            .Concat(LegalPublicHolidays.FallingIn(year + 1))
            .Where(h => h.Date.Year == year);
        var days = new SortedDictionary<DateOnly, FederalHoliday>();
        foreach (var holiday in legal)
            days[holiday.Date] = holiday;
        foreach (var closure in _closures.Where(c => c.Date.Year == year))
        {
            // A closure on a day already closed adds nothing; the holiday keeps its name.
            days.TryAdd(closure.Date, new FederalHoliday(closure.Date, closure.Name, FederalHolidayKind.Closure, closure.Date) { Authority = closure.Authority });
        }

        return [.. days.Values];
    }

    private static void EnsureSupported(int year)
    {
        if (year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                string.Create(CultureInfo.InvariantCulture, $"The federal calendar covers {FirstSupportedYear} to {LastSupportedYear}; {year} is outside it."));
        }
    }
}
