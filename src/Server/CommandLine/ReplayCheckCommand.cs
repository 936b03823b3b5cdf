using System.CommandLine;
using System.Globalization;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketFlow.Durable.Sqlite;
using TicketFlow.Durable.Worker;
using TicketFlow.Server.Hosting;
using TicketFlow.Workflow;
using TicketFlow.Api;

namespace TicketFlow.Server.CommandLine;

/// <summary>
/// <c>ticketflow replay-check [--database path]</c>: replays the stored history of every running instance against the
/// orchestrator code of this build, and names each instance the change would break (instance, history step, what
/// differs). Exit code 1 when any would break: run it before deploying changed orchestrators. Reads only.
/// </summary>
internal static class ReplayCheckCommand
{
    public static Command Create(CommandLineServices services)
    {
        var database = new Option<string?>("--database")
        {
            Description = "The durable store to check; default: the server's (<data folder>/<hub name>.durable.db, the hub name from host.json in this folder).",
        };
        var command = new Command("replay-check", "Replay every running instance's history against this build's orchestrators and name the instances a change would break.") { database };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(database) ?? DefaultDatabase();
            if (!File.Exists(path))
            {
                return services.BadInput($"no durable store at '{path}' (give one with --database)");
            }

            var provider = new ServiceCollection()
                .AddWorkflowServices()
                .AddSingleton(WorkflowDataConverter.Instance)
                .AddDurableTaskWorker(b => b.AddTicketFlowWorkflows().UseSqlite(o => o.DatabasePath = path))
                .BuildServiceProvider();
            await using (provider.ConfigureAwait(false))
            {
                var worker = provider.GetServices<IHostedService>().OfType<StoreDurableTaskWorker>().Single();
                var result = await worker.CheckReplayAsync(cancellationToken).ConfigureAwait(false);
                foreach (var broken in result.Breaks)
                {
                    services.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"BREAKS  {broken.InstanceId}  ({broken.Name}) at history step {broken.Step}: {broken.Difference}"));
                }

                services.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Checked} running instance(s) replayed, {result.Breaks.Count} would break."));
                return result.Breaks.Count == 0 ? ExitCodes.Success : ExitCodes.ReplayBreaks;
            }
        });
        return command;
    }

    private static string DefaultDatabase()
    {
        // As the server finds them: host.json in the current directory (defaults without one), the data folder from
        // Data__Folder or the per-user default.
        var host = HostSettings.Read(Path.Combine(Directory.GetCurrentDirectory(), "host.json"));
        return Path.Combine(DataFolder.FromEnvironment().Path, $"{host.HubName}.durable.db");
    }
}
