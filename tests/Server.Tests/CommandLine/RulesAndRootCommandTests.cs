using System.Diagnostics;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Server.Tests.CommandLine;

public class RulesAndRootCommandTests
{
    [Fact]
    public async Task Rules_prints_every_rule_with_its_counting_clock_start_and_source()
    {
        var result = await CommandLineRunner.Run("rules");
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        foreach (var rule in Rulebook.Default.Rules)
        {
            var row = Assert.Single(result.OutputLines, l => l.StartsWith(rule.Id + " ", StringComparison.Ordinal));
            Assert.Contains(rule.Span, row, StringComparison.Ordinal);
            Assert.Contains(rule.ClockStart.Describe(), row, StringComparison.Ordinal);
            Assert.Contains(rule.Citation.Source, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rules_prints_the_conventions_earnings_cadence_and_IWP_checks()
    {
        var result = await CommandLineRunner.Run("rules");
        Assert.Contains("CONVENTIONS", result.OutputLines);
        Assert.All(Rulebook.Default.Conventions, c => Assert.Contains(c.Text, result.Output, StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("2026  $1,210  $1,690  $2,830", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("InitialJobAcquisition  1 month", StringComparison.Ordinal));
        Assert.All(IwpChecks.All, c => Assert.Contains(c.Id, result.Output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("frob")]
    [InlineData("holiday", "2021")]
    [InlineData("rules", "--verbose")]
    [InlineData]
    public async Task An_unknown_or_missing_command_gets_one_line_and_exit_code_2(params string[] args)
    {
        var result = await CommandLineRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ticketflow: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_four_commands()
    {
        var result = await CommandLineRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "rules", "holidays", "deadline", "check-iwp" })
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_program_runs_the_command_line_from_its_entry_point()
    {
        // Program.cs end to end: the real process, its real exit code and standard streams.
        var program = Path.Combine(AppContext.BaseDirectory, "ticketflow.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { program, "deadline", "pm-review", "2025-13-01" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Empty(stdout);
        Assert.Equal("ticketflow: '2025-13-01' is not a date in yyyy-MM-dd form (for example 2025-03-10)", stderr.Trim());
    }
}
