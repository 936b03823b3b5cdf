using System.Globalization;
using TicketFlow.Workflow.Calendar;

namespace TicketFlow.Workflow.Tests.Calendar;

public class FederalCalendarTests
{
    private static readonly FederalCalendar Calendar = FederalCalendar.Default;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Observed_holidays_match_an_independent_day_by_day_classification_for_every_year_1990_to_2100()
    {
        var mismatches = new List<string>();
        for (var year = 1990; year <= 2100; year++)
        {
            var expected = new SortedDictionary<DateOnly, string>();
            for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            {
                if (IndependentFederalHolidays.Classify(day) is { } name)
                    expected[day] = name;
            }

            var actual = Calendar.HolidaysObservedIn(year).ToDictionary(
                h => h.Date, h => h.Kind == FederalHolidayKind.Closure ? "closure" : h.Name);
            foreach (var (day, name) in expected)
            {
                if (!actual.TryGetValue(day, out var got) || (got != name && !(name == "closure" && got.Contains("closure", StringComparison.Ordinal))))
                    mismatches.Add($"{day:yyyy-MM-dd}: expected {name}, got {got ?? "nothing"}");
            }

            foreach (var day in actual.Keys.Where(d => !expected.ContainsKey(d)))
                mismatches.Add($"{day:yyyy-MM-dd}: unexpected {actual[day]}");
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Business_days_match_the_independent_classification_for_every_day_1990_to_2100()
    {
        for (var day = new DateOnly(1990, 1, 1); day.Year <= 2100; day = day.AddDays(1))
        {
            var expected = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && IndependentFederalHolidays.Classify(day) is null;
            if (Calendar.IsBusinessDay(day) != expected)
                Assert.Fail($"{day:yyyy-MM-dd} ({day.DayOfWeek}): expected business day = {expected}");
        }
    }

    // Observed dates as published by OPM (opm.gov, "Federal Holidays") for these years.
    [Theory]
    [InlineData(2020, "2020-01-01 2020-01-20 2020-02-17 2020-05-25 2020-07-03 2020-09-07 2020-10-12 2020-11-11 2020-11-26 2020-12-24 2020-12-25")]
    [InlineData(2021, "2021-01-01 2021-01-18 2021-02-15 2021-05-31 2021-06-18 2021-07-05 2021-09-06 2021-10-11 2021-11-11 2021-11-25 2021-12-24 2021-12-31")]
    [InlineData(2022, "2022-01-17 2022-02-21 2022-05-30 2022-06-20 2022-07-04 2022-09-05 2022-10-10 2022-11-11 2022-11-24 2022-12-26")]
    [InlineData(2023, "2023-01-02 2023-01-16 2023-02-20 2023-05-29 2023-06-19 2023-07-04 2023-09-04 2023-10-09 2023-11-10 2023-11-23 2023-12-25")]
    [InlineData(2025, "2025-01-01 2025-01-09 2025-01-20 2025-02-17 2025-05-26 2025-06-19 2025-07-04 2025-09-01 2025-10-13 2025-11-11 2025-11-27 2025-12-24 2025-12-25 2025-12-26")]
    [InlineData(2026, "2026-01-01 2026-01-19 2026-02-16 2026-05-25 2026-06-19 2026-07-03 2026-09-07 2026-10-12 2026-11-11 2026-11-26 2026-12-25")]
    [InlineData(2010, "2010-01-01 2010-01-18 2010-02-15 2010-05-31 2010-07-05 2010-09-06 2010-10-11 2010-11-11 2010-11-25 2010-12-24 2010-12-31")]
    public void Observed_dates_match_OPM_tables(int year, string observedDates)
    {
        var expected = observedDates.Split(' ').Select(D).ToList();
        Assert.Equal(expected, Calendar.HolidaysObservedIn(year).Select(h => h.Date).ToList());
    }

    [Fact]
    public void New_Years_Day_on_a_Saturday_is_observed_on_December_31_of_the_year_before()
    {
        // January 1, 2022 was a Saturday.
        var observed = Assert.Single(Calendar.HolidaysObservedIn(2021), h => h.Date == D("2021-12-31"));
        Assert.Equal("New Year's Day", observed.Name);
        Assert.Equal(D("2022-01-01"), observed.ActualDate);
        Assert.Equal("New Year's Day (observed for Saturday 2022-01-01)", observed.DisplayName);
        Assert.DoesNotContain(Calendar.HolidaysObservedIn(2022), h => h.Name == "New Year's Day");
        Assert.False(Calendar.IsBusinessDay(D("2021-12-31")));
    }

    [Theory]
    [InlineData("2021-07-05", "Independence Day", "2021-07-04")]    // Sunday -> Monday after
    [InlineData("2020-07-03", "Independence Day", "2020-07-04")]    // Saturday -> Friday before
    [InlineData("2023-11-10", "Veterans Day", "2023-11-11")]        // Saturday
    [InlineData("2022-12-26", "Christmas Day", "2022-12-25")]       // Sunday
    [InlineData("2023-01-02", "New Year's Day", "2023-01-01")]      // Sunday
    [InlineData("2022-06-20", "Juneteenth National Independence Day", "2022-06-19")] // Sunday
    public void A_weekend_holiday_is_observed_on_the_nearest_weekday(string observed, string name, string actual)
    {
        var holiday = Calendar.HolidayOn(D(observed));
        Assert.NotNull(holiday);
        Assert.Equal(name, holiday.Name);
        Assert.Equal(D(actual), holiday.ActualDate);
        Assert.Null(Calendar.HolidayOn(D(actual)));
    }

    [Theory]
    [InlineData("2020-06-19", true)]   // Friday; Juneteenth not yet a legal public holiday (Pub. L. 117-17, June 17, 2021)
    [InlineData("2019-06-19", true)]
    [InlineData("2021-06-18", false)]  // first observance: June 19, 2021 was a Saturday
    [InlineData("2024-06-19", false)]
    public void Juneteenth_counts_from_2021_only(string date, bool isBusinessDay) =>
        Assert.Equal(isBusinessDay, Calendar.IsBusinessDay(D(date)));

    [Theory]
    [InlineData("2021-01-20")] // Inauguration Day, Wednesday: a holiday only in the D.C. area (5 U.S.C. 6103(c))
    [InlineData("2017-01-20")] // Friday
    [InlineData("2009-01-20")] // Tuesday
    public void Inauguration_Day_is_a_business_day(string date) =>
        Assert.True(Calendar.IsBusinessDay(D(date)));

    [Theory]
    [InlineData("1994-04-27", "Executive Order of April 23, 1994")]   // National Day of Mourning, President Nixon
    [InlineData("2001-12-24", "Executive Order of December 2001")]
    [InlineData("2004-06-11", "Executive Order of June 6, 2004")]      // National Day of Mourning, President Reagan
    [InlineData("2007-01-02", "Executive Order of December 2006")]     // National Day of Mourning, President Ford
    [InlineData("2007-12-24", "Executive Order 13453")]
    [InlineData("2008-12-26", "Executive Order 13482")]
    [InlineData("2012-12-24", "Executive Order 13633")]
    [InlineData("2014-12-26", "Executive Order 13682")]
    [InlineData("2018-12-05", "Executive Order 13852")]                // National Day of Mourning, President G. H. W. Bush
    [InlineData("2018-12-24", "Executive Order 13854")]
    [InlineData("2019-12-24", "Executive Order 13900")]
    [InlineData("2020-12-24", "Executive Order 13965")]
    [InlineData("2024-12-24", "Executive Order 14129")]
    [InlineData("2025-01-09", "Executive Order 14133")]                // National Day of Mourning, President Carter
    [InlineData("2025-12-24", "Executive Order 14371")]
    [InlineData("2025-12-26", "Executive Order 14371")]
    public void Executive_Order_closures_are_not_business_days_and_cite_their_order(string date, string order)
    {
        var holiday = Calendar.HolidayOn(D(date));
        Assert.NotNull(holiday);
        Assert.Equal(FederalHolidayKind.Closure, holiday.Kind);
        Assert.Contains("closure", holiday.DisplayName, StringComparison.Ordinal);
        Assert.StartsWith(order, holiday.Authority, StringComparison.Ordinal);
        Assert.False(Calendar.IsBusinessDay(D(date)));
    }

    [Theory]
    [InlineData("1998-12-24")] // Executive Order 13109: half-day
    [InlineData("2002-12-24")] // Executive Order 13281: half-day
    [InlineData("2009-12-24")] // half-day
    [InlineData("2015-12-24")] // Executive Order 13713: half-day
    public void A_half_day_closure_leaves_a_business_day(string date) =>
        Assert.True(Calendar.IsBusinessDay(D(date)));

    [Fact]
    public void Every_closure_cites_an_Executive_Order_and_none_is_on_a_weekend()
    {
        Assert.All(FederalClosures.Known, c =>
        {
            Assert.StartsWith("Executive Order", c.Authority, StringComparison.Ordinal);
            Assert.DoesNotContain(c.Date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        });
        Assert.Equal(FederalClosures.Known.OrderBy(c => c.Date).ToList(), FederalClosures.Known.ToList());
    }

    [Fact]
    public void The_next_closure_is_one_more_row()
    {
        var calendar = new FederalCalendar([.. FederalClosures.Known, new FederalClosure(new DateOnly(2030, 12, 24), "Christmas Eve closure", "Executive Order 99999 of December 1, 2030")]);
        Assert.False(calendar.IsBusinessDay(D("2030-12-24")));
        Assert.True(Calendar.IsBusinessDay(D("2030-12-24")));
    }

    [Fact]
    public void A_calendar_without_closures_treats_those_days_as_business_days()
    {
        var noClosures = new FederalCalendar([]);
        Assert.True(noClosures.IsBusinessDay(D("2025-12-24")));
        Assert.DoesNotContain(noClosures.HolidaysObservedIn(2025), h => h.Kind == FederalHolidayKind.Closure);
    }

    [Theory]
    [InlineData("2025-03-06", 1, "2025-03-07")]  // Thursday -> Friday
    [InlineData("2025-03-07", 1, "2025-03-10")]  // Friday -> Monday
    [InlineData("2025-03-08", 1, "2025-03-10")]  // received on a Saturday: Monday is day 1
    [InlineData("2025-03-07", 0, "2025-03-07")]
    [InlineData("2025-12-23", 7, "2026-01-07")]  // 12-24 closure, 12-25 Christmas, 12-26 closure, weekend, 2026-01-01
    [InlineData("2021-12-30", 1, "2022-01-03")]  // 2021-12-31 observed New Year's Day 2022
    [InlineData("2024-02-27", 3, "2024-03-01")]  // through February 29 of a leap year
    [InlineData("2023-02-27", 3, "2023-03-02")]
    [InlineData("2025-01-08", 2, "2025-01-13")]  // 2025-01-09 closure (National Day of Mourning)
    public void Adding_business_days_counts_the_first_business_day_after_the_start_as_day_1(string start, int days, string expected) =>
        Assert.Equal(D(expected), Calendar.AddBusinessDays(D(start), days));

    [Fact]
    public void Adding_seven_business_days_matches_counting_with_the_independent_classification_1990_to_2100()
    {
        for (var start = new DateOnly(1990, 1, 1); start.Year < 2100; start = start.AddDays(3))
        {
            var expected = start;
            for (var counted = 0; counted < 7;)
            {
                expected = expected.AddDays(1);
                if (expected.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && IndependentFederalHolidays.Classify(expected) is null)
                    counted++;
            }

            if (Calendar.AddBusinessDays(start, 7) != expected)
                Assert.Fail($"{start:yyyy-MM-dd} + 7 business days: expected {expected:yyyy-MM-dd}, got {Calendar.AddBusinessDays(start, 7):yyyy-MM-dd}");
        }
    }

    [Fact]
    public void Holidays_over_a_range_of_years_are_in_date_order_without_duplicates()
    {
        var dates = Calendar.HolidaysObservedIn(2019, 2026).Select(h => h.Date).ToList();
        Assert.Equal(dates.Order().ToList(), dates);
        Assert.Equal(dates.Count, dates.Distinct().Count());
        Assert.All(dates, d => Assert.InRange(d.Year, 2019, 2026));
    }

    [Theory]
    [InlineData(1985)]
    [InlineData(2201)]
    public void Years_outside_the_supported_range_are_refused(int year) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.HolidaysObservedIn(year));

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.HolidaysObservedIn(2025, 2024));
}
