using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Durable.Testing;

namespace TicketFlow.Durable.Tests;

/// <summary>The replay check: running instances replayed against changed code, on the same store file.</summary>
public sealed class ReplayCheckTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ticketflow-replay-check-" + Guid.NewGuid().ToString("N"));

    public ReplayCheckTests() => Directory.CreateDirectory(directory);

    private DurableTestHostOptions Options(bool startWorker) => new() { DatabasePath = Path.Combine(directory, "durable.db"), StartWorker = startWorker };

    [Fact]
    public async Task An_unchanged_orchestrator_passes()
    {
        await SeedAsync(Approval(lettersFirst: false));

        var result = await CheckAsync(Approval(lettersFirst: false));

        Assert.Equal(2, result.Checked);
        Assert.Empty(result.Breaks);
    }

    [Fact]
    public async Task A_reordered_activity_call_is_named_with_its_instance_and_step()
    {
        await SeedAsync(Approval(lettersFirst: false));

        var result = await CheckAsync(Approval(lettersFirst: true));

        Assert.Equal(2, result.Checked);
        Assert.Equal(["approval-1", "approval-2"], result.Breaks.Select(b => b.InstanceId));
        var first = result.Breaks[0];
        Assert.Equal("Approval", first.Name);
        Assert.Contains("TaskScheduled 'SendEmail' (task #0)", first.Difference, StringComparison.Ordinal);
        Assert.Contains("CallActivity 'SendLetter' (task #0)", first.Difference, StringComparison.Ordinal);
        Assert.True(first.Step > 0, $"step {first.Step}");
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

    // Sends two notices, then waits for the reply; a finished instance ("approval-done") is not checked.
    private static Action<DurableTaskRegistry> Approval(bool lettersFirst) => r => r
        .AddOrchestratorFunc<string?, string>("Approval", async (ctx, _) =>
        {
            await ctx.CallActivityAsync<string>(lettersFirst ? "SendLetter" : "SendEmail");
            await ctx.CallActivityAsync<string>(lettersFirst ? "SendEmail" : "SendLetter");
            return await ctx.WaitForExternalEvent<string>("Reply");
        })
        .AddActivityFunc<string?, string>("SendEmail", (_, _) => Task.FromResult("sent"))
        .AddActivityFunc<string?, string>("SendLetter", (_, _) => Task.FromResult("posted"));

    private async Task SeedAsync(Action<DurableTaskRegistry> tasks)
    {
        await using var host = await DurableTestHost.StartAsync(s => s.AddDurableTaskWorker(b => b.AddTasks(tasks)), Start, Options(startWorker: true));
        foreach (var id in new[] { "approval-1", "approval-2", "approval-done" })
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync("Approval", null, new StartOrchestrationOptions(id));
        }

        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync("approval-done", "Reply", "ok");
        await host.Client.WaitForInstanceCompletionAsync("approval-done");
    }

    private async Task<Worker.ReplayCheckResult> CheckAsync(Action<DurableTaskRegistry> tasks)
    {
        await using var host = await DurableTestHost.StartAsync(s => s.AddDurableTaskWorker(b => b.AddTasks(tasks)), Start, Options(startWorker: false));
        return await host.Worker!.CheckReplayAsync();
    }
}
