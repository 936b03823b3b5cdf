using System.CommandLine;
using System.Globalization;

namespace TicketFlow.Server.CommandLine;

/// <summary><c>ticketflow deadline &lt;rule-id&gt; &lt;yyyy-MM-dd&gt;</c>: the due date alone on the first line, then how it was counted.</summary>
internal static class DeadlineCommand
{
    public static Command Create(CommandLineServices services)
    {
        var ruleId = new Argument<string>("rule-id") { Description = "A rule id from 'ticketflow rules', e.g. iwp-submission." };
        var date = new Argument<string>("date") { Description = "The clock-start date the rule names (yyyy-MM-dd), e.g. the later signature date." };
        var command = new Command("deadline", "Compute a deadline from the date that starts its clock.") { ruleId, date };
        command.SetAction(parseResult =>
        {
            var rulebook = services.Deadlines.Rulebook;
            var id = parseResult.GetValue(ruleId);
            if (!rulebook.TryGet(id!, out var rule))
                return services.BadInput($"unknown rule '{id}'; known rules: {string.Join(", ", rulebook.Rules.Select(r => r.Id))}");
            if (!CommandLineParsing.TryParseDate(parseResult.GetValue(date), out var start, out var problem))
                return services.BadInput(problem!);
            Workflow.Rules.Deadline deadline;
            try
            {
                deadline = services.Deadlines.Compute(rule, start);
            }
            catch (ArgumentOutOfRangeException)
            {
                return services.BadInput(string.Create(CultureInfo.InvariantCulture,
                    $"{start:yyyy-MM-dd} is out of range for {rule.Id}: business days are known for {Workflow.Calendar.FederalCalendar.FirstSupportedYear} to {Workflow.Calendar.FederalCalendar.LastSupportedYear}, and dates end at 9999-12-31"));
            }

            services.Output.WriteLine(deadline.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            services.Output.WriteLine(deadline.Explanation);
            return ExitCodes.Success;
        });
        return command;
    }
}
