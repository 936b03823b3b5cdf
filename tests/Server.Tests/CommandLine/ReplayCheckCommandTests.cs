using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Durable.Testing;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Server.Tests.CommandLine;

public sealed class ReplayCheckCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ticketflow-replay-cli-" + Guid.NewGuid().ToString("N"));

    public ReplayCheckCommandTests() => Directory.CreateDirectory(directory);

    private string Database => Path.Combine(directory, "durable.db");

    [Fact]
    public async Task A_running_ticket_whose_recorded_steps_the_current_orchestrator_does_not_take_is_named_and_exits_1()
    {
        // History written by "another build" of TicketOrchestrator: its first step is an activity today's code never calls.
        await using (var host = await DurableTestHost.StartAsync(
            s => s.AddDurableTaskWorker(b => b.AddTasks(r => r
                .AddOrchestratorFunc<string?, string>(nameof(TicketOrchestrator), async (ctx, _) =>
                {
                    await ctx.CallActivityAsync<string>("RetiredActivity");
                    return await ctx.WaitForExternalEvent<string>("Never");
                })
                .AddActivityFunc<string?, string>("RetiredActivity", (_, _) => Task.FromResult("done")))),
            options: new DurableTestHostOptions { DatabasePath = Database }))
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TicketOrchestrator), null, new StartOrchestrationOptions("ticket:P00001:T-1"));
            await host.WaitForIdleAsync();
        }

        var result = await CommandLineRunner.Run("replay-check", "--database", Database);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BREAKS  ticket:P00001:T-1  (TicketOrchestrator) at history step", result.Output, StringComparison.Ordinal);
        Assert.Contains("'RetiredActivity'", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 running instance(s) replayed, 1 would break.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_with_no_running_instance_passes()
    {
        await using (var host = await DurableTestHost.StartAsync(
            s => s.AddDurableTaskWorker(b => b.AddTasks(r => r.AddOrchestratorFunc<string?, string>("Quick", (_, _) => Task.FromResult("ok")))),
            options: new DurableTestHostOptions { DatabasePath = Database }))
        {
            await host.Client.WaitForInstanceCompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick"));
        }

        var result = await CommandLineRunner.Run("replay-check", "--database", Database);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 running instance(s) replayed, 0 would break.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_store_is_one_line_of_bad_input()
    {
        var result = await CommandLineRunner.Run("replay-check", "--database", Path.Combine(directory, "nothing.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no durable store at", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
