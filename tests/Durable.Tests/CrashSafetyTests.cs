using System.Diagnostics;
using TicketFlow.Durable.Client;
using TicketFlow.Durable.Sqlite;
using TicketFlow.Durable.Storage;
using Xunit.Abstractions;

namespace TicketFlow.Durable.Tests;

/// <summary>
/// A worker process (tests/Durable.CrashWorker) is SIGKILLed at several points — inside activities, just before and
/// just after episode commits, and from outside at arbitrary moments (inside transactions) — and restarted. Every
/// orchestration must finish with the right output and a gap-free history.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Instances = 150;

    [Fact]
    public async Task Orchestrations_complete_correctly_after_repeated_SIGKILLs()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ticketflow-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "durable.db");
        try
        {
            var watch = Stopwatch.StartNew();
            await RunWorkerAsync(database, "activity", 100, expectKill: true);
            await RunWorkerAsync(database, "before-commit", 200, expectKill: true);
            await RunWorkerAsync(database, "none", 0, expectKill: true, killAtProgress: 150);
            await RunWorkerAsync(database, "after-commit", 250, expectKill: true);
            await RunWorkerAsync(database, "none", 0, expectKill: true, killAtProgress: 100);
            await RunWorkerAsync(database, "activity", 200, expectKill: true);
            await RunWorkerAsync(database, "before-commit", 300, expectKill: true);
            await RunWorkerAsync(database, "none", 0, expectKill: false);
            output.WriteLine($"all runs took {watch.Elapsed}");

            await using var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = database });
            var client = new StoreDurableTaskClient(store);
            for (var i = 0; i < Instances; i++)
            {
                var id = $"crash-{i:D3}";
                var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
                Assert.NotNull(metadata);
                Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
                Assert.Equal(ExpectedOutput(i), metadata.ReadOutputAs<string>());

                var history = await client.GetStoredHistoryAsync(id);
                Assert.Equal(Enumerable.Range(0, 9), history.Where(e => e.TaskId is not null).Select(e => e.TaskId!.Value));
                Assert.Equal(Enumerable.Range(0, 9).Order(), history.Where(e => e.TaskScheduledId is not null).Select(e => e.TaskScheduledId!.Value).Order());
                Assert.Equal(1, history.Count(e => e.Type == HistoryEventType.ExecutionStarted));
                Assert.Equal(HistoryEventType.ExecutionCompleted, history[^1].Type);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int Completed, int Total)> CountCompletedAsync(string database)
    {
        await using var store = new SqliteOrchestrationStore(new SqliteStoreOptions { DatabasePath = database });
        var client = new StoreDurableTaskClient(store);
        var all = new List<OrchestrationMetadata>();
        await foreach (var m in client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 1000 }))
        {
            all.Add(m);
        }

        return (all.Count(m => m.RuntimeStatus == OrchestrationRuntimeStatus.Completed), all.Count);
    }

    private static string ExpectedOutput(int input) => string.Join(",", Enumerable.Range(0, 8).Select(step => (input * 100) + step));

    private async Task RunWorkerAsync(string database, string mode, int k, bool expectKill, int? killAtProgress = null)
    {
        var worker = Path.Combine(AppContext.BaseDirectory.Replace("Durable.Tests", "Durable.CrashWorker", StringComparison.Ordinal), "TicketFlow.Durable.CrashWorker.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { worker, database, Instances.ToString(System.Globalization.CultureInfo.InvariantCulture), mode, k.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (killAtProgress is { } at && e.Data == $"PROGRESS {at}")
            {
                progress.TrySetResult();
            }
        };
        process.BeginOutputReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        if (killAtProgress is not null)
        {
            // An outside SIGKILL at an arbitrary moment while episodes and activities are in flight.
            await Task.WhenAny(progress.Task, process.WaitForExitAsync(timeout.Token));
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        await process.WaitForExitAsync(timeout.Token);
        string all;
        lock (lines)
        {
            all = string.Join(" | ", lines);
        }

        var (done, _) = await CountCompletedAsync(database);
        output.WriteLine($"{mode} {k} {killAtProgress}: exit {process.ExitCode}, {done}/{Instances} completed: {all}");
        if (expectKill)
        {
            Assert.True(process.ExitCode != 0 || all.Contains("ALL DONE", StringComparison.Ordinal), all);
        }
        else
        {
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("ALL DONE", all, StringComparison.Ordinal);
        }
    }
}
