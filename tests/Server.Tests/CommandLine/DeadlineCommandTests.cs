using System.Globalization;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Server.Tests.CommandLine;

public class DeadlineCommandTests
{
    [Theory]
    [InlineData("iwp-submission", "2025-03-10", "2025-03-24")]
    [InlineData("iwp-submission", "2025-03-08", "2025-03-22")]      // a Saturday: no roll
    [InlineData("pm-review", "2025-12-23", "2026-01-07")]           // closures, Christmas, New Year's Day
    [InlineData("ija-unassign", "2025-03-03", "2025-05-02")]
    [InlineData("osp-unassign", "2025-03-03", "2025-08-30")]
    [InlineData("dispute-recommendation", "2025-03-03", "2025-03-23")]
    [InlineData("dispute-decision-request", "2025-03-03", "2025-04-02")]
    [InlineData("record-retention", "2024-02-29", "2027-03-01")]
    [InlineData("twl-earnings-goal", "2025-03-15", "2026-01-15")]
    [InlineData("ss-case-notes", "2025-06-01", "2024-06-01")]
    public async Task The_due_date_is_alone_on_the_first_line_and_the_counting_on_the_second(string rule, string start, string due)
    {
        var result = await CommandLineRunner.Run("deadline", rule, start);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Equal(2, result.OutputLines.Length);
        Assert.Equal(due, result.OutputLines[0]);
        Assert.Contains(start, result.OutputLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_rule_in_the_rulebook_can_be_asked_for()
    {
        foreach (var rule in Rulebook.Default.Rules)
        {
            var result = await CommandLineRunner.Run("deadline", rule.Id, "2025-01-31");
            Assert.Equal(0, result.ExitCode);
            Assert.True(DateOnly.TryParseExact(result.OutputLines[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), rule.Id);
            Assert.Contains(rule.Span, result.OutputLines[1], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("iwp-submision", "2025-03-10", "unknown rule 'iwp-submision'")]
    [InlineData("IWP-SUBMISSION", "2025-03-10", "unknown rule")]
    [InlineData("iwp-submission", "2025-02-30", "not a date")]
    [InlineData("iwp-submission", "2025-3-10", "not a date")]
    [InlineData("iwp-submission", "03/10/2025", "not a date")]
    [InlineData("iwp-submission", "tomorrow", "not a date")]
    [InlineData("pm-review", "1900-01-02", "out of range")]
    [InlineData("iwp-submission", "9999-12-31", "out of range")]
    public async Task Bad_input_gets_one_clear_line_on_stderr_and_exit_code_2(string rule, string date, string message)
    {
        var result = await CommandLineRunner.Run("deadline", rule, date);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_rule_lists_the_known_rule_ids()
    {
        var result = await CommandLineRunner.Run("deadline", "nope", "2025-01-01");
        Assert.All(Rulebook.Default.Rules, r => Assert.Contains(r.Id, result.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_date_is_a_usage_error()
    {
        var result = await CommandLineRunner.Run("deadline", "iwp-submission");
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }
}
