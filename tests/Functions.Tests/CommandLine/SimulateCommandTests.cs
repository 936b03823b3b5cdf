namespace TicketFlow.Functions.Tests.CommandLine;

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
        // TWL checkpoint ten months after the later signature.
        Assert.Contains("2026-11-12  email     EarningsCheckpoint to casey.diaz@en.example (due 2026-11-12)", lines);
        Assert.Contains("2027-10-27  event     ticket unassigned", lines);
        var dates = lines.Skip(1).Select(l => l[..10]).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Theory]
    [InlineData("--start", "2026-02-30", "not a date")]
    [InlineData("--years", "9", "--years must be a whole number from 1 to 5")]
    public async Task Simulate_refuses_bad_options_with_one_line(string option, string value, string expected)
    {
        var result = await CommandLineRunner.Run("simulate", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
