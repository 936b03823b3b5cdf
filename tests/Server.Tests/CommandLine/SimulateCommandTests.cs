namespace TicketFlow.Server.Tests.CommandLine;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_prints_the_sample_tickets_two_year_timeline_with_its_deadlines_and_reminders()
    {
        var result = await CommandLineRunner.Run("simulate");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Sample ticket T-SAMPLE of EN P00001, 2026-01-05 to 2028-01-04", lines[0], StringComparison.Ordinal);

        // Signed on 2026-01-08 (EN) and 2026-01-12 (ticketholder): the 14-day window runs from the later date.
        Assert.Contains("2026-01-12  deadline  iwp-submission due 2026-01-26 (clock from 2026-01-12): open", lines);
        // Received 2026-01-23: seven business days is 2026-02-03; no decision by then, so staff are told the next day.
        Assert.Contains("2026-02-04  email     ReviewFollowUp to casey.diaz@en.example (due 2026-02-03)", lines);
        // The decision came on 2026-02-05: the review deadline is met late, and the timeline keeps it.
        Assert.Contains("2026-02-05  deadline  pm-review due 2026-02-03 (clock from 2026-01-23): met late on 2026-02-05, 2 days late", lines);
        // A two-way contact is labelled as one, with how it was made.
        Assert.Contains("2026-02-26  event     two-way contact recorded (phone)", lines);
        Assert.Contains("2026-02-19  event     contact attempt recorded (email)", lines);
        // TWL checkpoint ten months after the later signature: no earnings recorded, so the compliance contact hears too.
        Assert.Contains("2026-11-12  email     EarningsCheckpoint to casey.diaz@en.example, compliance@en.example (due 2026-11-12)", lines);
        Assert.Contains("2027-10-27  event     ticket unassigned", lines);
        var dates = lines.Skip(1).Select(l => l[..10]).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Theory]
    [InlineData("--start", "2026-02-30", "not a date")]
    [InlineData("--years", "9", "--years must be a whole number from 1 to 5")]
    [InlineData("--start", "1980-01-01", "outside the federal calendar's years (1986 to 2200)")]   // before the calendar
    [InlineData("--start", "2199-06-01", "outside the federal calendar's years (1986 to 2200)")]   // two years run past 2200
    [InlineData("--start", "9999-12-31", "outside the federal calendar's years")]
    public async Task Simulate_refuses_bad_options_with_one_line(string option, string value, string expected)
    {
        var result = await CommandLineRunner.Run("simulate", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
