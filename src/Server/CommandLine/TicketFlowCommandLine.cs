using System.CommandLine;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Server.CommandLine;

/// <summary>
/// The <c>ticketflow</c> command line: <c>rules</c>, <c>holidays</c>, <c>deadline</c>, <c>check-iwp</c>, <c>simulate</c>,
/// <c>serve</c>, <c>admin-key</c>, <c>demo</c>, <c>replay-check</c>.
/// Program.cs calls <see cref="RunAsync"/>; tests call it with their own writers and clock.
/// </summary>
public static class TicketFlowCommandLine
{
    /// <summary>
    /// The commands, in the order help lists them. Adding a command is one line here: a method that builds a
    /// <see cref="Command"/> from the <see cref="CommandLineServices"/> (e.g. the web host's <c>serve</c>).
    /// </summary>
    private static readonly Func<CommandLineServices, Command>[] Commands =
    [
        RulesCommand.Create,
        HolidaysCommand.Create,
        DeadlineCommand.Create,
        CheckIwpCommand.Create,
        SimulateCommand.Create,
        ServeCommand.Create,
        AdminKeyCommand.Create,
        DemoCommand.Create,
        ReplayCheckCommand.Create,
    ];

    /// <summary>Builds the root command over the given services.</summary>
    public static RootCommand BuildRootCommand(CommandLineServices services)
    {
        var root = new RootCommand("TicketFlow: Ticket to Work deadlines, federal business days and IWP checks for Employment Networks.");
        foreach (var create in Commands)
            root.Subcommands.Add(create(services));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.
    /// Returns the exit code (see <see cref="ExitCodes"/>). Bad input gives one line on <paramref name="error"/>,
    /// never a stack trace.
    /// </summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="time">The clock (today's date for check-iwp); the system clock when null.</param>
    /// <param name="cancellationToken">Cancels a long-running command.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var services = new CommandLineServices(args, output, error, DeadlineCalculator.Default, FederalCalendar.Default,
            IwpComplianceChecker.Default, EnTimeZone.Default, time ?? TimeProvider.System);
        try
        {
            // Response files (@file) are off: "check-iwp @plan.json" should not mean "read arguments from plan.json".
            var parseResult = BuildRootCommand(services).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parseResult.Errors.Count > 0)
            {
                // An unknown word is the most useful thing to name ("Unrecognized command or argument 'frob'").
                var first = parseResult.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parseResult.Errors[0];
                return services.BadInput(first.Message.TrimEnd('.') + " (see 'ticketflow --help')");
            }
            return await parseResult.InvokeAsync(
                // ProcessTerminationTimeout null: SIGINT and SIGTERM are left to the runtime (which ends a short command)
                // and to serve's host, which stops cleanly with its Azurite; System.CommandLine would otherwise end the
                // process 2 s after the signal, whatever the host was still shutting down.
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("ticketflow: cancelled");
            return ExitCodes.InternalError;
        }
        catch (Exception unexpected)
        {
            // Never a stack trace on the console: one line naming the fault.
            error.WriteLine($"ticketflow: internal error ({unexpected.GetType().Name}): {unexpected.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.InternalError;
        }
    }
}
