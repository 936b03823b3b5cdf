using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using TicketFlow.Server.Hosting;

namespace TicketFlow.Server.CommandLine;

/// <summary>
/// <c>ticketflow serve</c>: runs the web host (HTTP API and durable worker) until SIGINT (Ctrl+C) or SIGTERM, then
/// stops it and the Azurite it started, and exits 0. Further arguments are ASP.NET Core's (<c>--urls
/// http://127.0.0.1:5080</c>, configuration overrides such as <c>--Email:Provider=SendGrid</c>). A server that cannot
/// start (a port in use, the data folder held by another server, an invalid setting) says why in one line on stderr
/// and exits <see cref="ExitCodes.CannotStart"/>.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CommandLineServices services)
    {
        var command = new Command("serve", $"Run TicketFlow's HTTP API and workflows (default: {ServerDefaults.Url}, embedded storage; --urls or ASPNETCORE_URLS to change).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            WebApplication app;
            try
            {
                app = TicketFlowHost.Build([.. parseResult.UnmatchedTokens], builder =>
                    // The host logs a start-up failure with its stack trace ("Hosting failed to start"); this command
                    // reports it in one line instead. The host's Critical messages (a background service stopping it)
                    // still show.
                    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return CannotStart(services, e);
            }

            await using (app)
            {
                var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
                try
                {
                    // SIGINT and SIGTERM are the host's (its console lifetime stops it, hosted services in reverse
                    // order, so Azurite last); the command line leaves them alone (TicketFlowCommandLine).
                    await app.StartAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    // Stopped by a signal while starting: a clean stop all the same.
                    await app.StopAsync(CancellationToken.None);
                    return ExitCodes.Success;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    HostingLogs.DidNotStart(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServeCommand).FullName!), e);
                    return CannotStart(services, e);
                }

                await app.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static int CannotStart(CommandLineServices services, Exception e)
    {
        var cause = e is AggregateException { InnerExceptions.Count: > 0 } many ? many.InnerExceptions[0] : e;
        var reason = cause.Message.ReplaceLineEndings(" ").Trim();
        if (cause is IOException { InnerException: AddressInUseException })
        {
            reason += $" Stop what holds it, or give the server another address with --urls or ASPNETCORE_URLS (default {ServerDefaults.Url}).";
        }

        services.Error.WriteLine($"ticketflow: the server did not start: {reason}");
        return ExitCodes.CannotStart;
    }
}
