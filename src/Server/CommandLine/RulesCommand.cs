using System.CommandLine;
using System.Globalization;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Server.CommandLine;

/// <summary><c>ticketflow rules</c>: the rulebook as tables, with the conventions and citations.</summary>
internal static class RulesCommand
{
    public static Command Create(CommandLineServices services)
    {
        var command = new Command("rules", "Print the rulebook: every deadline, how it is counted, what starts it and where it is written.");
        command.SetAction(_ =>
        {
            Write(services.Deadlines.Rulebook, services.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(Rulebook rulebook, TextWriter output)
    {
        output.WriteLine("DEADLINES  (ticketflow deadline <rule-id> <clock-start yyyy-MM-dd>)");
        var deadlines = new TextTable("RULE", "COUNTED", "CLOCK STARTS AT", "SOURCE");
        foreach (var rule in rulebook.Rules)
            deadlines.Add(rule.Id, Counted(rule), rule.ClockStart.Describe(), rule.Citation.Source);
        deadlines.WriteTo(output);

        output.WriteLine();
        output.WriteLine("WHAT EACH RULE SAYS");
        foreach (var rule in rulebook.Rules)
        {
            output.WriteLine($"{rule.Id}: {rule.Description}");
            output.WriteLine($"    {rule.Citation}");
        }

        output.WriteLine();
        output.WriteLine("CONTACT CADENCE");
        var cadence = new TextTable("PHASE", "TWO-WAY CONTACT AT LEAST EVERY", "ATTEMPTS PER PERIOD", "NEXT CONTACT", "IF NO CONTACT", "SOURCE");
        foreach (var c in rulebook.ContactCadences)
        {
            cadence.Add(c.Phase.ToString(), Months(c.PeriodMonths), c.MinimumAttempts.ToString(CultureInfo.InvariantCulture),
                c.FollowUpRuleId, c.UnassignRuleId, c.Citation.Source);
        }

        cadence.WriteTo(output);

        output.WriteLine();
        output.WriteLine("EARNINGS GOALS (monthly, US dollars; goals compare with the amounts of the goal's year)");
        var earnings = new TextTable("YEAR", "TWL", "SGA", "SGA BLIND");
        foreach (var e in rulebook.Earnings)
            earnings.Add(e.Year.ToString(CultureInfo.InvariantCulture), Money(e.TrialWorkLevelMonthly), Money(e.SubstantialGainfulActivityMonthly), Money(e.SubstantialGainfulActivityBlindMonthly));
        earnings.WriteTo(output);
        output.WriteLine($"    {EarningsThresholdTable.Citation}");

        output.WriteLine();
        output.WriteLine("CONVENTIONS");
        foreach (var convention in rulebook.Conventions)
            output.WriteLine($"- {convention.Title}: {convention.Text}");

        output.WriteLine();
        output.WriteLine("IWP CHECKS  (ticketflow check-iwp <file.json>)");
        var checks = new TextTable("CHECK", "SEVERITY", "SOURCE");
        foreach (var check in IwpChecks.All)
            checks.Add(check.Id, check.Severity.ToString().ToUpperInvariant(), check.Citation.Source);
        checks.WriteTo(output);
    }

    private static string Counted(DeadlineRule rule) => rule.Kind switch
    {
        DeadlineKind.NotBefore => $"{rule.Span} after (allowed from)",
        DeadlineKind.WindowStart => $"{rule.Span} before (window start)",
        _ => $"{rule.Span} after",
    };

    private static string Months(int months) => months == 1 ? "1 month" : $"{months} months";

    private static string Money(decimal amount) => amount.ToString("$#,##0", CultureInfo.InvariantCulture);
}
