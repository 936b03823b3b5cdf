using System.Globalization;
using System.Text.RegularExpressions;

namespace TicketFlow.Server.Tests.CommandLine;

public class HolidaysCommandTests
{
    [Fact]
    public async Task Holidays_2021_lists_each_observed_date_in_order_including_New_Years_Day_2022_on_December_31()
    {
        var result = await CommandLineRunner.Run("holidays", "2021");
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        string[] dates = ["2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05",
            "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24", "2021-12-31"];
        Assert.Equal(dates, result.OutputLines.Select(l => l[..10]));
        Assert.StartsWith("2021-12-31 New Year's Day", result.OutputLines[^1], StringComparison.Ordinal);
        Assert.All(result.OutputLines, l => Assert.Matches(@"^\d{4}-\d{2}-\d{2} \S.*$", l));
    }

    [Fact]
    public async Task Holidays_2022_does_not_list_January_1_2022_observed_the_year_before()
    {
        var result = await CommandLineRunner.Run("holidays", "2022");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith("2022-01-01", StringComparison.Ordinal));
        Assert.StartsWith("2022-01-17 ", result.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(10, result.OutputLines.Length);
    }

    [Fact]
    public async Task A_range_of_years_lists_closures_by_name_in_date_order()
    {
        var result = await CommandLineRunner.Run("holidays", "2019", "2025");
        Assert.Equal(0, result.ExitCode);
        var dates = result.OutputLines.Select(l => DateOnly.ParseExact(l[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order().ToList(), dates);
        var closures = result.OutputLines.Where(l => l.Contains("closure", StringComparison.Ordinal)).Select(l => l[..10]);
        Assert.Equal(["2019-12-24", "2020-12-24", "2024-12-24", "2025-01-09", "2025-12-24", "2025-12-26"], closures);
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith("2021-06-19", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Juneteenth_appears_from_2021_only()
    {
        var before = await CommandLineRunner.Run("holidays", "2020");
        var after = await CommandLineRunner.Run("holidays", "2024");
        Assert.DoesNotContain(before.OutputLines, l => l.Contains("Juneteenth", StringComparison.Ordinal));
        Assert.Contains("2024-06-19 Juneteenth National Independence Day", after.OutputLines);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("21")]
    [InlineData("20211")]
    [InlineData("1985")]
    [InlineData("-2021")]
    [InlineData("2025", "2024")]
    [InlineData("2025", "x")]
    [InlineData("2025", "2026", "2027")]
    [InlineData]
    public async Task A_bad_year_gets_one_line_on_stderr_and_exit_code_2(params string[] years)
    {
        var result = await CommandLineRunner.Run(["holidays", .. years]);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("ticketflow: ", line, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\bat \w+\."), result.Error);
    }
}
