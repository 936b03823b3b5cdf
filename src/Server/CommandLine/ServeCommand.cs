using System.CommandLine;
using TicketFlow.Server.Hosting;

namespace TicketFlow.Server.CommandLine;

/// <summary>
/// <c>ticketflow serve</c>: runs the web host (HTTP API and durable worker) until stopped. Further arguments are
/// ASP.NET Core's (<c>--urls http://127.0.0.1:5080</c>, configuration overrides such as <c>--Email:Provider=SendGrid</c>).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CommandLineServices services)
    {
        var command = new Command("serve", "Run TicketFlow's HTTP API and workflows (default: http://localhost:5080, embedded storage).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var hostArgs = parseResult.UnmatchedTokens.ToArray();
            if (!hostArgs.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)))
            {
                hostArgs = [.. hostArgs, "--urls", "http://localhost:5080"];
            }

            await using var app = TicketFlowHost.Build(hostArgs);
            await app.RunAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
