namespace TicketFlow.Workflow.Tests.Calendar;

/// <summary>
/// A second, deliberately different reading of 5 U.S.C. 6103 and Executive Order 11582, used only to check
/// FederalCalendar: instead of computing each holiday's date, it looks at one day at a time and asks "is this day
/// closed, and why?" — nth weekdays by day-of-month ranges, weekend observance by looking at the neighbouring day.
/// </summary>
internal static class IndependentFederalHolidays
{
    // Full-day closures by Executive Order, typed in from the Federal Register and OPM's notices (not copied from
    // FederalClosures): Nixon 1994, Reagan 2004, Ford 2007, G. H. W. Bush 2018, Carter 2025, and the Christmas Eves
    // and days after Christmas. Half-day closures (1998, 2002, 2009, 2015) are business days and are not here.
    private static readonly HashSet<DateOnly> Closures =
    [
        new(1994, 4, 27), new(2001, 12, 24), new(2004, 6, 11), new(2007, 1, 2), new(2007, 12, 24), new(2008, 12, 26),
        new(2012, 12, 24), new(2014, 12, 26), new(2018, 12, 5), new(2018, 12, 24), new(2019, 12, 24), new(2020, 12, 24),
        new(2024, 12, 24), new(2025, 1, 9), new(2025, 12, 24), new(2025, 12, 26),
    ];

    /// <summary>True for a full-day closure by Executive Order.</summary>
    public static bool IsClosure(DateOnly day) => Closures.Contains(day);

    /// <summary>The name of the holiday observed on <paramref name="day"/> ("closure" for a closure), or null.</summary>
    public static string? Classify(DateOnly day)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            return null;
        if ((FixedDateHoliday(day) ?? MondayOrThursdayHoliday(day)) is { } own)
            return own;
        if (day.DayOfWeek == DayOfWeek.Friday && FixedDateHoliday(day.AddDays(1)) is { } saturdayHoliday)
            return saturdayHoliday;
        if (day.DayOfWeek == DayOfWeek.Monday && FixedDateHoliday(day.AddDays(-1)) is { } sundayHoliday)
            return sundayHoliday;
        return Closures.Contains(day) ? "closure" : null;
    }

    private static string? FixedDateHoliday(DateOnly day) => (day.Month, day.Day) switch
    {
        (1, 1) => "New Year's Day",
        (6, 19) when day.Year >= 2021 => "Juneteenth National Independence Day",
        (7, 4) => "Independence Day",
        (11, 11) => "Veterans Day",
        (12, 25) => "Christmas Day",
        _ => null,
    };

    private static string? MondayOrThursdayHoliday(DateOnly day) => (day.Month, day.DayOfWeek, day.Day) switch
    {
        (1, DayOfWeek.Monday, >= 15 and <= 21) => "Birthday of Martin Luther King, Jr.",
        (2, DayOfWeek.Monday, >= 15 and <= 21) => "Washington's Birthday",
        (5, DayOfWeek.Monday, >= 25) => "Memorial Day",
        (9, DayOfWeek.Monday, <= 7) => "Labor Day",
        (10, DayOfWeek.Monday, >= 8 and <= 14) => "Columbus Day",
        (11, DayOfWeek.Thursday, >= 22 and <= 28) => "Thanksgiving Day",
        _ => null,
    };
}
