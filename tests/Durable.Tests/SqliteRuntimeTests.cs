using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Durable.Client;
using Microsoft.DurableTask.Worker;
using TicketFlow.Durable.Testing;

namespace TicketFlow.Durable.Tests;

/// <summary>The runtime contract on the embedded SQLite store (the test host's default), plus restarts over one file.</summary>
public sealed class SqliteRuntimeTests : DurableRuntimeContractTests
{
    public SqliteRuntimeTests(Xunit.Abstractions.ITestOutputHelper output)
    {
        Output = output;
    }

    protected override void ConfigureHost(DurableTestHostOptions options)
    {
    }

    [Fact]
    public async Task A_durable_timer_and_an_unfinished_activity_survive_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ticketflow-restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "durable.db");
        var runs = 0;
        var firstRunStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var hang = new CancellationTokenSource(); // Microsoft's activity context has no cancellation token
        void Tasks(IServiceCollection s) => s.AddDurableTaskWorker(b => b.AddTasks(r => r
            .AddOrchestratorFunc<string?, string>("LongRunning", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(90), CancellationToken.None);
                return await ctx.CallActivityAsync<string>("Work");
            })
            .AddActivityFunc<string?, string>("Work", async (ctx, _) =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    firstRunStarted.TrySetResult();
                    await Task.Delay(Timeout.Infinite, hang.Token); // hangs until the test shuts the worker down
                }

                return "done";
            })));

        string id;
        await using (var first = await DurableTestHost.StartAsync(Tasks, Start, new DurableTestHostOptions { DatabasePath = path, SkipTime = false }))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("LongRunning");
            await first.AdvanceTimeAsync(TimeSpan.FromDays(45));
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await first.Client.GetInstanceAsync(id))!.RuntimeStatus);
        }

        await using (var second = await DurableTestHost.StartAsync(Tasks, Start.AddDays(45), new DurableTestHostOptions { DatabasePath = path, SkipTime = false }))
        {
            second.Time.Advance(TimeSpan.FromDays(46)); // the timer fires; the activity starts and hangs
            await second.Worker!.FireDueTimersAsync();
            await firstRunStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await second.Worker.StopAsync(CancellationToken.None); // the hanging activity's result is never recorded
            await hang.CancelAsync();
        }

        await using (var third = await DurableTestHost.StartAsync(Tasks, Start.AddDays(92), new DurableTestHostOptions { DatabasePath = path }))
        {
            // The released lease is taken over at start and the activity runs again (at least once).
            var done = await CompleteAsync(third, id);
            Assert.Equal("done", done.ReadOutputAs<string>());
            Assert.Equal(2, Volatile.Read(ref runs));
            AssertGapFreeHistory(await third.Store.GetHistoryAsync(id, CancellationToken.None));
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_running_instance_keeps_the_version_it_started_with_across_a_restart()
    {
        // Microsoft's model: one orchestrator per name; an instance records the version it was started with
        // (StartOrchestrationOptions.Version) and the code branches on context.Version / CompareVersionTo.
        var directory = Path.Combine(Path.GetTempPath(), "ticketflow-versions-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new DurableTestHostOptions { DatabasePath = Path.Combine(directory, "durable.db") };
        static void Tasks(IServiceCollection s) => s.AddDurableTaskWorker(b => b.AddTasks(r => r.AddOrchestratorFunc<string?, string>("Flow", async (ctx, _) =>
            $"{(ctx.CompareVersionTo("2") >= 0 ? "new" : "old")}:{ctx.Version}:{await ctx.WaitForExternalEvent<string>("Go")}")));

        await using (var before = await DurableTestHost.StartAsync(Tasks, Start, options))
        {
            await before.Client.ScheduleNewOrchestrationInstanceAsync("Flow", null, new StartOrchestrationOptions("started-on-1") { Version = new TaskVersion("1") });
            await before.Client.WaitForInstanceStartAsync("started-on-1");
        }

        await using (var after = await DurableTestHost.StartAsync(Tasks, Start, options))
        {
            await after.Client.ScheduleNewOrchestrationInstanceAsync("Flow", null, new StartOrchestrationOptions("started-on-2") { Version = new TaskVersion("2") });
            await after.Client.RaiseEventAsync("started-on-1", "Go", "a");
            await after.Client.RaiseEventAsync("started-on-2", "Go", "b");

            Assert.Equal("old:1:a", (await CompleteAsync(after, "started-on-1")).ReadOutputAs<string>());
            Assert.Equal("new:2:b", (await CompleteAsync(after, "started-on-2")).ReadOutputAs<string>());
            Assert.Equal("2", (await after.Store.GetInstanceAsync("started-on-2", includePayloads: false, CancellationToken.None))!.Version);
        }

        Directory.Delete(directory, recursive: true);
    }
}
