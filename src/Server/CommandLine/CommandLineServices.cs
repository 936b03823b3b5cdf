using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Server.CommandLine;

/// <summary>What a command needs: where to write, the rules, and the clock. One instance per invocation.</summary>
/// <param name="Args">The raw arguments (for a command that hands them on, such as the web host).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error: one line per problem.</param>
/// <param name="Deadlines">The deadline calculator (and through it the rulebook).</param>
/// <param name="Calendar">The federal calendar.</param>
/// <param name="IwpChecker">The IWP compliance checker.</param>
/// <param name="TimeZone">The EN's time zone, for today's date.</param>
/// <param name="Time">The clock.</param>
public sealed record CommandLineServices(
    IReadOnlyList<string> Args,
    TextWriter Output,
    TextWriter Error,
    DeadlineCalculator Deadlines,
    FederalCalendar Calendar,
    IwpComplianceChecker IwpChecker,
    EnTimeZone TimeZone,
    TimeProvider Time)
{
    /// <summary>Writes one line to standard error, prefixed "ticketflow: ", and returns <see cref="ExitCodes.BadInput"/>.</summary>
    public int BadInput(string message)
    {
        Error.WriteLine("ticketflow: " + message);
        return ExitCodes.BadInput;
    }
}
