namespace TicketFlow.Server.Tests.CommandLine;

public class CheckIwpCommandTests
{
    [Fact]
    public async Task The_sample_IWP_passes_with_exit_code_0_and_says_when_to_send_it()
    {
        var result = await CommandLineRunner.RunAt(new DateTimeOffset(2025, 6, 10, 12, 0, 0, TimeSpan.FromHours(-4)), "check-iwp", CommandLineRunner.SamplePath);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Contains("No blocking finding", result.Output, StringComparison.Ordinal);
        Assert.Contains("Send to the TPM by 2025-06-17", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("has passed", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-06-17", false)] // the due date itself: still on time
    [InlineData("2025-06-18", true)]  // the day after
    [InlineData("2025-07-01", true)]
    public async Task Check_iwp_says_when_the_submission_window_has_already_passed(string today, bool passed)
    {
        var now = new DateTimeOffset(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(-4));
        var result = await CommandLineRunner.RunAt(now, "check-iwp", CommandLineRunner.SamplePath);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(passed, result.Output.Contains("The submission window has passed: the IWP was due at the TPM by 2025-06-17", StringComparison.Ordinal));
        Assert.Equal(!passed, result.Output.Contains("Send to the TPM by 2025-06-17", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_goal_year_without_published_amounts_is_said_in_a_note()
    {
        // The sample's long-term goal is for 2029: SSA has not published 2029 amounts.
        var result = await CommandLineRunner.Run("check-iwp", CommandLineRunner.SamplePath);
        Assert.Contains("Note: The long-term goal (2029): no TWL/SGA amounts for 2029", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocking_finding_gives_exit_code_1_and_names_rule_field_and_citation()
    {
        using var file = CommandLineRunner.SampleWith("/signatures/ticketholder/date", "null");
        var result = await CommandLineRunner.Run("check-iwp", file.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Error);
        var index = Array.FindIndex(result.OutputLines, l => l.StartsWith("BLOCKING iwp-signatures at $.signatures.ticketholder.date:", StringComparison.Ordinal));
        Assert.True(index >= 0, result.Output);
        Assert.Contains("EN Guide for Working with Ticketholders", result.OutputLines[index + 1], StringComparison.Ordinal);
        Assert.Contains("Not compliant: 1 blocking", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advisory_findings_alone_give_exit_code_0()
    {
        using var file = CommandLineRunner.SampleWith("/goals/longTerm/monthlyEarnings", "1500");
        var result = await CommandLineRunner.Run("check-iwp", file.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ADVISORY iwp-long-term-below-sga at $.goals.longTerm.monthlyEarnings", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_dated_after_today_in_the_ENs_zone_is_blocking()
    {
        // 2025-06-03 01:00 UTC is still June 2 in New York: the ticketholder's 2025-06-03 signature is in the future.
        var result = await CommandLineRunner.RunAt(new DateTimeOffset(2025, 6, 3, 1, 0, 0, TimeSpan.Zero), "check-iwp", CommandLineRunner.SamplePath);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BLOCKING iwp-signatures at $.signatures.ticketholder.date", result.Output, StringComparison.Ordinal);
        var nextDay = await CommandLineRunner.RunAt(new DateTimeOffset(2025, 6, 3, 4, 0, 0, TimeSpan.Zero), "check-iwp", CommandLineRunner.SamplePath);
        Assert.Equal(0, nextDay.ExitCode);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("[]", "Invalid IWP at $")]
    [InlineData("null", "null")]
    [InlineData("{\"signatures\": {\"ticketholder\": {\"date\": \"June 3\"}}}", "$.signatures.ticketholder.date")]
    [InlineData("{\"ticketHolder\": {}}", "unknown member 'ticketHolder'")]
    [InlineData("{\"discussion\": {\"modality\": \"zoom\"}}", "expected one of faceToFace")]
    [InlineData("{\"statementOfUnderstanding\": \"a\", \"statementOfUnderstanding\": \"b\"}", "a member appears twice")]
    [InlineData("{\"goals\": {\"shortTerm\": {\"monthlyEarnings\": -5}}}", "$.goals.shortTerm.monthlyEarnings: -5 is negative; the schema's minimum is 0")]
    [InlineData("{\"goals\": {\"longTerm\": {\"hoursPerWeek\": -1}}}", "$.goals.longTerm.hoursPerWeek")]
    [InlineData("{\"workHistory\": {\"monthsCovered\": -6}}", "$.workHistory.monthsCovered")]
    [InlineData("{\"workHistory\": {\"jobs\": [{\"monthlyEarnings\": -0.01}]}}", "$.workHistory.jobs[0].monthlyEarnings")]
    public async Task A_file_that_is_not_an_IWP_gets_exit_code_2_and_one_line(string json, string message)
    {
        using var file = CommandLineRunner.TempFile.WithText(json);
        var result = await CommandLineRunner.Run("check-iwp", file.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain("TicketFlow.Workflow", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_gets_exit_code_2_and_one_line()
    {
        var result = await CommandLineRunner.Run("check-iwp", "/no/such/dir/iwp.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("ticketflow: cannot read '/no/such/dir/iwp.json': no such directory", Assert.Single(result.ErrorLines));
        var missingFile = await CommandLineRunner.Run("check-iwp", Path.Combine(Path.GetTempPath(), "ticketflow-absent.json"));
        Assert.Contains("no such file", Assert.Single(missingFile.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_gets_exit_code_2_and_one_line()
    {
        var result = await CommandLineRunner.Run("check-iwp", CommandLineRunner.RepositoryRoot);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a directory", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
