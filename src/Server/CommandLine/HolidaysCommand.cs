using System.CommandLine;
using System.Globalization;
using TicketFlow.Workflow.Calendar;

namespace TicketFlow.Server.CommandLine;

/// <summary><c>ticketflow holidays &lt;year&gt; [&lt;to-year&gt;]</c>: observed federal holidays and closures, one "yyyy-MM-dd name" per line.</summary>
internal static class HolidaysCommand
{
    public static Command Create(CommandLineServices services)
    {
        var from = new Argument<string>("year") { Description = "The first year (yyyy)." };
        var to = new Argument<string?>("to-year") { Description = "The last year (yyyy); the first year when left out.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("holidays", "List every observed federal holiday and closure whose observed date falls in the years, in date order.") { from, to };
        command.SetAction(parseResult =>
        {
            const int first = FederalCalendar.FirstSupportedYear, last = FederalCalendar.LastSupportedYear;
            if (!CommandLineParsing.TryParseYear(parseResult.GetValue(from), first, last, out var fromYear, out var problem))
                return services.BadInput(problem!);
            var toYear = fromYear;
            if (parseResult.GetValue(to) is { } toText && !CommandLineParsing.TryParseYear(toText, first, last, out toYear, out problem))
                return services.BadInput(problem!);
            if (toYear < fromYear)
                return services.BadInput(string.Create(CultureInfo.InvariantCulture, $"the last year ({toYear}) is before the first year ({fromYear})"));
            foreach (var holiday in services.Calendar.HolidaysObservedIn(fromYear, toYear))
                services.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{holiday.Date:yyyy-MM-dd} {holiday.DisplayName}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
