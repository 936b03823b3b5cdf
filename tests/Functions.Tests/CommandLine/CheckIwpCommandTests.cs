namespace TicketFlow.Functions.Tests.CommandLine;

public class CheckIwpCommandTests
{
    [Fact]
    public async Task The_sample_IWP_passes_with_exit_code_0_and_says_when_to_send_it()
    {
        var result = await CommandLineRunner.Run("check-iwp", CommandLineRunner.SamplePath);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.Contains("No blocking finding", result.Output, StringComparison.Ordinal);
        Assert.Contains("Send to the TPM by 2025-06-17", result.Output, StringComparison.Ordinal);
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
        Assert.Contains("003_edfde4bed19f148d.txt", result.OutputLines[index + 1], StringComparison.Ordinal);
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
