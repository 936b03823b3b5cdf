namespace TicketFlow.Workflow.Calendar;

/// <summary>
/// The legal public holidays of 5 U.S.C. 6103(a) and the day each is observed by federal employees with a
/// Monday-to-Friday workweek (5 U.S.C. 6103(b) and Executive Order 11582): a holiday on a Saturday is observed the
/// Friday before, one on a Sunday the Monday after. New Year's Day on a Saturday is therefore observed on
/// December 31 of the year before.
/// </summary>
/// <remarks>
/// Inauguration Day (6103(c)) is a holiday only for employees in the Washington, D.C. area and is not counted: the
/// TPM's business days are those of the federal calendar as a whole. Juneteenth National Independence Day was added
/// by Public Law 117-17 on June 17, 2021, and counts from 2021 (first observed Friday, June 18, 2021).
/// The rules hold as written from 1986, the first year of Martin Luther King, Jr.'s Birthday.
/// </remarks>
internal static class LegalPublicHolidays
{
    /// <summary>The first year Juneteenth is a legal public holiday.</summary>
    internal const int FirstJuneteenthYear = 2021;

    /// <summary>
    /// The holidays whose actual date (not observed date) falls in <paramref name="year"/>, in date order.
    /// </summary>
    internal static IEnumerable<FederalHoliday> FallingIn(int year)
    {
        yield return Fixed(year, 1, 1, "New Year's Day");
        yield return Floating(year, 1, DayOfWeek.Monday, 3, "Birthday of Martin Luther King, Jr.");
        yield return Floating(year, 2, DayOfWeek.Monday, 3, "Washington's Birthday");
        yield return Floating(year, 5, DayOfWeek.Monday, Last, "Memorial Day");
        if (year >= FirstJuneteenthYear)
            yield return Fixed(year, 6, 19, "Juneteenth National Independence Day");
        yield return Fixed(year, 7, 4, "Independence Day");
        yield return Floating(year, 9, DayOfWeek.Monday, 1, "Labor Day");
        yield return Floating(year, 10, DayOfWeek.Monday, 2, "Columbus Day");
        yield return Fixed(year, 11, 11, "Veterans Day");
        yield return Floating(year, 11, DayOfWeek.Thursday, 4, "Thanksgiving Day");
        yield return Fixed(year, 12, 25, "Christmas Day");
    }

    private const int Last = -1;

    private static FederalHoliday Fixed(int year, int month, int day, string name)
    {
        var actual = new DateOnly(year, month, day);
        var observed = actual.DayOfWeek switch
        {
            DayOfWeek.Saturday => actual.AddDays(-1),
            DayOfWeek.Sunday => actual.AddDays(1),
            _ => actual,
        };
        return new FederalHoliday(observed, name, FederalHolidayKind.Holiday, actual);
    }

    /// <summary>The nth given weekday of a month (n = 1..4), or the last one (n = <see cref="Last"/>).</summary>
    private static FederalHoliday Floating(int year, int month, DayOfWeek weekday, int n, string name)
    {
        DateOnly date;
        if (n == Last)
        {
            date = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            while (date.DayOfWeek != weekday)
                date = date.AddDays(-1);
        }
        else
        {
            date = new DateOnly(year, month, 1);
            while (date.DayOfWeek != weekday)
                date = date.AddDays(1);
            date = date.AddDays(7 * (n - 1));
        }

        // Monday and Thursday holidays never fall on a weekend: observed date and actual date are the same.
        return new FederalHoliday(date, name, FederalHolidayKind.Holiday, date);
    }
}
