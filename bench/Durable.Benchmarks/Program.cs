// Durable runtime benchmark. Usage (Release): dotnet run -c Release --project bench/Durable.Benchmarks -- [--quick]
//   [--n 5000] [--fanout 1000] [--events 200] [--idle 100000] [--microsoft 200] [--dir PATH] [--full-first]
// Ends with ONE JSON line holding every figure. --microsoft N runs HelloSequence5 N times on Microsoft's in-process
// engine (Microsoft.DurableTask.InProcessTestHost) in the same run and prints the ratio to ours (0 skips it); at its
// defaults it takes ProcessorCount work items per dispatcher (set DOTNET_PROCESSOR_COUNT to change that).
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketFlow.Durable.Benchmarks;
using TicketFlow.Durable.Sqlite;
using TicketFlow.Durable.Storage;
using TicketFlow.Durable.Worker;

var quick = args.Contains("--quick");
int Arg(string name, int quickValue, int fullValue)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : quick ? quickValue : fullValue;
}

var n = Arg("--n", 1000, 5000);
var fanOutSize = Arg("--fanout", 1000, 1000);
var events = Arg("--events", 40, 200);
var idle = Arg("--idle", 10_000, 100_000);
// Microsoft's host at its defaults does about 0.7 HelloSequence5 a second on two cores: 200 keep a full run near
// five minutes for it; pass --microsoft 500 (and DOTNET_PROCESSOR_COUNT=64) for more.
var microsoftCount = Arg("--microsoft", 50, 200);
var dirIndex = Array.IndexOf(args, "--dir");
var root = dirIndex >= 0 ? args[dirIndex + 1] : Path.Combine(Path.GetTempPath(), "ticketflow-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(root);
var results = new Dictionary<string, object?>
{
    ["machine"] = new { cores = Environment.ProcessorCount, load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null },
    ["quick"] = quick,
};

try
{
    // Warm-up (JIT, thread pool) on a throwaway database, so the first measured setting is not penalised.
    await HelloSequence5Async(SqliteDurability.Fast, n, "warmup");

    var order = args.Contains("--full-first") ? new[] { SqliteDurability.Full, SqliteDurability.Fast } : new[] { SqliteDurability.Fast, SqliteDurability.Full };
    foreach (var durability in order)
    {
        var key = durability.ToString().ToLowerInvariant();
        results[$"helloSequence5_{key}"] = await HelloSequence5Async(durability, n);
        results[$"rawCommit_{key}"] = await RawCommitRateAsync(durability);
    }

    foreach (var durability in new[] { SqliteDurability.Fast, SqliteDurability.Full })
    {
        var hs = (Dictionary<string, object?>)results[$"helloSequence5_{durability.ToString().ToLowerInvariant()}"]!;
        var raw = (Dictionary<string, object?>)results[$"rawCommit_{durability.ToString().ToLowerInvariant()}"]!;
        hs["rawSameShapeTxPerSecond"] = raw["txPerSecond"];
        hs["engineToRawRatio"] = Math.Round((double)hs["writesPerSecond"]! / (double)raw["txPerSecond"]!, 2);
    }

    results["fanOut"] = await FanOutAsync(fanOutSize);
    results["eventLatency"] = await EventLatencyAsync(events);
    results["idleTimers"] = await IdleTimersAsync(idle);
    if (microsoftCount > 0)
    {
        var microsoft = await MicrosoftHelloSequence5Async(microsoftCount);
        var ours = (Dictionary<string, object?>)results["helloSequence5_full"]!;
        microsoft["oursFullToMicrosoftRatio"] = Math.Round((double)ours["orchestrationsPerSecond"]! / (double)microsoft["orchestrationsPerSecond"]!, 1);
        results["microsoftInProcessHelloSequence5"] = microsoft;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HelloSequence5: ours (Full) {ours["orchestrationsPerSecond"]}/s over {ours["orchestrations"]}, Microsoft's in-process host {microsoft["orchestrationsPerSecond"]}/s over {microsoftCount} (ProcessorCount {Environment.ProcessorCount}): ratio {microsoft["oursFullToMicrosoftRatio"]}"));
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}

results["loadAtEnd"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null;
Console.WriteLine(JsonSerializer.Serialize(results));
return 0;

async Task<(ServiceProvider Provider, StoreDurableTaskWorker Worker, DurableTaskClient Client, SqliteOrchestrationStore Store)> StartAsync(string name, SqliteDurability durability)
{
    var path = Path.Combine(root, name + ".db");
    var services = new ServiceCollection();
    services.AddDurableTaskWorker(b => b
        .AddTasks(r => r
            .AddOrchestrator<HelloSequence5>().AddActivity<SayHello>()
            .AddOrchestrator<FanOut>().AddActivity<Echo>()
            .AddOrchestrator<WaitForPing>()
            .AddOrchestrator<TimerWait>())
        .UseSqlite(o =>
        {
            o.DatabasePath = path;
            o.Durability = durability;
        }));
    services.AddDurableTaskClient(b => b.UseSqlite());
    var provider = services.BuildServiceProvider();
    var worker = provider.GetServices<IHostedService>().OfType<StoreDurableTaskWorker>().Single();
    await worker.StartAsync(CancellationToken.None);
    return (provider, worker, provider.GetRequiredService<DurableTaskClient>(), (SqliteOrchestrationStore)provider.GetRequiredService<IOrchestrationStore>());
}

async Task StopAsync((ServiceProvider Provider, StoreDurableTaskWorker Worker, DurableTaskClient Client, SqliteOrchestrationStore Store) host)
{
    await host.Worker.StopAsync(CancellationToken.None);
    await host.Provider.DisposeAsync();
}

async Task<List<(long Created, long Updated)>> WaitForStatusAsync(string path, OrchestrationRuntimeStatus status, int count, string prefix, TimeSpan timeout)
{
    // Progress is read straight from the database every 20 ms: no load on the engine's own paths.
    await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
    await connection.OpenAsync();
    var watch = Stopwatch.StartNew();
    while (true)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT created_at, last_updated_at FROM instances WHERE status = $s AND substr(instance_id, 1, length($p)) = $p";
        command.Parameters.AddWithValue("$s", (int)status);
        command.Parameters.AddWithValue("$p", prefix);
        var rows = new List<(long, long)>();
        using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        if (rows.Count >= count)
        {
            return rows;
        }

        if (watch.Elapsed > timeout)
        {
            throw new TimeoutException($"{rows.Count}/{count} instances reached {status} in {timeout}");
        }

        await Task.Delay(20);
    }
}

async Task<Dictionary<string, object?>> HelloSequence5Async(SqliteDurability durability, int count, string prefix = "hs5-")
{
    var name = prefix + durability;
    var host = await StartAsync(name, durability);
    var startTx = host.Store.CommittedTransactions;
    var startWrites = host.Store.CommittedWrites;
    var watch = Stopwatch.StartNew();
    var startMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
        host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloSequence5), $"user {i}", new StartOrchestrationOptions($"hs-{i:D6}"))));
    var rows = await WaitForStatusAsync(Path.Combine(root, name + ".db"), OrchestrationRuntimeStatus.Completed, count, "hs-", TimeSpan.FromMinutes(10));
    watch.Stop();
    var endMs = rows.Max(r => r.Updated);
    var seconds = (endMs - startMs) / 1000.0;
    var latencies = rows.Select(r => (double)(r.Updated - r.Created)).Order().ToList();
    var tx = host.Store.CommittedTransactions - startTx;
    var writes = host.Store.CommittedWrites - startWrites;
    var episodes = count * 6L; // start + five activity results
    await StopAsync(host);
    return new Dictionary<string, object?>
    {
        ["orchestrations"] = count,
        ["seconds"] = Math.Round(seconds, 2),
        ["orchestrationsPerSecond"] = Math.Round(count / seconds, 1),
        ["latencyP50Ms"] = Percentile(latencies, 0.50),
        ["latencyP99Ms"] = Percentile(latencies, 0.99),
        ["sqliteTransactions"] = tx,
        ["writesCommitted"] = writes,
        ["writesPerTransaction"] = Math.Round(writes / (double)Math.Max(1, tx), 1),
        ["sqliteTransactionsPerSecond"] = Math.Round(tx / seconds, 1),
        ["episodeCommitsPerSecond"] = Math.Round(episodes / seconds, 1),
        ["writesPerSecond"] = Math.Round(writes / seconds, 1),
    };
}

async Task<Dictionary<string, object?>> RawCommitRateAsync(SqliteDurability durability)
{
    // The physical limit: one transaction per commit, of the same shape as one HelloSequence5 episode (delete the
    // consumed message, append two history rows, update the instance row, insert the next activity, insert the
    // activity's result message), on the same database file and settings, committed back to back.
    var path = Path.Combine(root, "hs5-" + durability + ".db");
    await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
    await connection.OpenAsync();
    using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = durability == SqliteDurability.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        pragma.CommandText = "INSERT OR REPLACE INTO instances (instance_id, name, version, status, created_at, last_updated_at, history_count) VALUES ('raw', 'Raw', '', 0, 0, 0, 0)";
        pragma.ExecuteNonQuery();
    }

    var statements = new[]
    {
        "INSERT INTO messages (instance_id, event) VALUES ('raw', $event)",
        "DELETE FROM messages WHERE id = (SELECT MAX(id) FROM messages WHERE instance_id = 'raw')",
        "INSERT INTO history (instance_id, seq, event) VALUES ('raw', $seq, $event)",
        "INSERT INTO history (instance_id, seq, event) VALUES ('raw', $seq + 1, $event)",
        "UPDATE instances SET status = 0, last_updated_at = $seq, history_count = $seq + 2, custom_status = NULL WHERE instance_id = 'raw'",
        "INSERT INTO activities (instance_id, execution_id, task_id, name, input, lock_owner, lock_expires) VALUES ('raw', 'e', $seq, 'SayHello', $event, 'me', 0)",
    };
    var payload = new string('x', 160);
    var watch = Stopwatch.StartNew();
    var commits = 0;
    var duration = TimeSpan.FromSeconds(quick ? 2 : 4);
    while (watch.Elapsed < duration)
    {
        using var tx = connection.BeginTransaction();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$event", payload);
            command.Parameters.AddWithValue("$seq", commits * 2);
            command.ExecuteNonQuery();
        }

        tx.Commit();
        commits++;
    }

    watch.Stop();
    using (var cleanup = connection.CreateCommand())
    {
        cleanup.CommandText = "DELETE FROM history WHERE instance_id = 'raw'; DELETE FROM activities WHERE instance_id = 'raw'; DELETE FROM instances WHERE instance_id = 'raw';";
        cleanup.ExecuteNonQuery();
    }

    return new Dictionary<string, object?> { ["transactions"] = commits, ["txPerSecond"] = Math.Round(commits / watch.Elapsed.TotalSeconds, 1) };
}

async Task<Dictionary<string, object?>> FanOutAsync(int size)
{
    var host = await StartAsync("fanout", SqliteDurability.Full);
    var watch = Stopwatch.StartNew();
    var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOut), size);
    var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
    watch.Stop();
    var sum = done.ReadOutputAs<int>();
    await StopAsync(host);
    if (sum != Enumerable.Range(0, size).Sum())
    {
        throw new InvalidOperationException("Fan-out returned a wrong sum.");
    }

    return new Dictionary<string, object?> { ["activities"] = size, ["durability"] = "Full", ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 3), ["activitiesPerSecond"] = Math.Round(size / watch.Elapsed.TotalSeconds, 1) };
}

async Task<Dictionary<string, object?>> EventLatencyAsync(int count)
{
    var host = await StartAsync("events", SqliteDurability.Full);
    for (var i = 0; i < count; i++)
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitForPing), null, new StartOrchestrationOptions($"ping-{i:D4}"));
    }

    await WaitForStatusAsync(Path.Combine(root, "events.db"), OrchestrationRuntimeStatus.Running, count, "ping-", TimeSpan.FromMinutes(2));
    var latencies = new List<double>();
    var random = new Random(7);
    var longestIdle = TimeSpan.Zero;
    for (var i = 0; i < count; i++)
    {
        // The host is idle between events (nothing to do, no polling); a few gaps are long.
        var gap = i % 20 == 19 ? TimeSpan.FromSeconds(quick ? 2 : 5) : TimeSpan.FromMilliseconds(random.Next(20, 200));
        longestIdle = gap > longestIdle ? gap : longestIdle;
        await Task.Delay(gap);
        var id = $"ping-{i:D4}";
        var reacted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = host.Store.SubscribeInstanceUpdates(changed =>
        {
            if (changed == id)
            {
                reacted.TrySetResult();
            }
        });
        var watch = Stopwatch.StartNew();
        await host.Client.RaiseEventAsync(id, "Ping", i);
        await reacted.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the episode that consumed the event has committed
        latencies.Add(watch.Elapsed.TotalMilliseconds);
    }

    await StopAsync(host);
    latencies.Sort();
    return new Dictionary<string, object?>
    {
        ["events"] = count,
        ["durability"] = "Full",
        ["measured"] = "RaiseEventAsync call to the commit of the episode that consumed the event",
        ["longestIdleBeforeAnEventSeconds"] = longestIdle.TotalSeconds,
        ["p50Ms"] = Percentile(latencies, 0.50),
        ["p99Ms"] = Percentile(latencies, 0.99),
        ["maxMs"] = Math.Round(latencies[^1], 2),
    };
}

async Task<Dictionary<string, object?>> IdleTimersAsync(int count)
{
    var host = await StartAsync("idle", SqliteDurability.Fast);
    var path = Path.Combine(root, "idle.db");
    var watch = Stopwatch.StartNew();
    const int batch = 5000;
    for (var start = 0; start < count; start += batch)
    {
        await Task.WhenAll(Enumerable.Range(start, Math.Min(batch, count - start)).Select(i =>
            host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerWait), TimeSpan.FromDays(30).TotalMilliseconds, new StartOrchestrationOptions($"idle-{i:D6}"))));
    }

    await WaitForStatusAsync(path, OrchestrationRuntimeStatus.Running, count, "idle-", TimeSpan.FromMinutes(20));
    var startSeconds = watch.Elapsed.TotalSeconds;
    await host.Worker.WaitForIdleAsync();

    // Checkpoint so the file size is the store's, then measure bytes per instance and the host's memory.
    await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
    {
        await connection.OpenAsync();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        checkpoint.ExecuteNonQuery();
    }

    var bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var managed = GC.GetTotalMemory(forceFullCollection: true);
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var workingSet = process.WorkingSet64;

    // Timer lag among the idle instances: short timers due while 100,000 others wait.
    var probes = quick ? 10 : 30;
    for (var i = 0; i < probes; i++)
    {
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerWait), 1000.0 + (i * 97), new StartOrchestrationOptions($"probe-{i:D3}"));
    }

    var lags = new List<double>();
    for (var i = 0; i < probes; i++)
    {
        var done = await host.Client.WaitForInstanceCompletionAsync($"probe-{i:D3}", getInputsAndOutputs: true);
        lags.Add(done.ReadOutputAs<double>());
    }

    await StopAsync(host);
    lags.Sort();
    return new Dictionary<string, object?>
    {
        ["instances"] = count,
        ["timerDays"] = 30,
        ["startSeconds"] = Math.Round(startSeconds, 1),
        ["storeBytes"] = bytes,
        ["bytesPerInstance"] = Math.Round(bytes / (double)count, 1),
        ["managedHeapMB"] = Math.Round(managed / 1048576.0, 1),
        ["workingSetMB"] = Math.Round(workingSet / 1048576.0, 1),
        ["timerLagProbes"] = probes,
        ["timerLagP50Ms"] = Percentile(lags, 0.50),
        ["timerLagP99Ms"] = Percentile(lags, 0.99),
        ["timerLagMaxMs"] = Math.Round(lags[^1], 2),
    };
}

async Task<Dictionary<string, object?>> MicrosoftHelloSequence5Async(int count)
{
    // The same orchestrator and activity classes on Microsoft's engine: its in-memory Durable Task Framework backend
    // behind a loopback gRPC sidecar, with real timers. Completion is read through its client.
    await using var host = await DurableTaskTestHost.StartAsync(
        r => r.AddOrchestrator<HelloSequence5>().AddActivity<SayHello>(),
        new DurableTaskTestHostOptions { LoggerFactory = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance });
    var watch = Stopwatch.StartNew();
    var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
        host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloSequence5), $"user {i}", new StartOrchestrationOptions($"ms-{i:D6}"))));
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
    var done = await Task.WhenAll(ids.Select(id => host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token)));
    watch.Stop();
    if (done.Any(m => m.RuntimeStatus != OrchestrationRuntimeStatus.Completed))
    {
        throw new InvalidOperationException("An orchestration on Microsoft's engine did not complete.");
    }

    var latencies = done.Select(m => (m.LastUpdatedAt - m.CreatedAt).TotalMilliseconds).Order().ToList();
    return new Dictionary<string, object?>
    {
        ["orchestrations"] = count,
        ["processorCount"] = Environment.ProcessorCount,
        ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2),
        ["orchestrationsPerSecond"] = Math.Round(count / watch.Elapsed.TotalSeconds, 1),
        ["latencyP50Ms"] = Percentile(latencies, 0.50),
        ["latencyP99Ms"] = Percentile(latencies, 0.99),
    };
}

static double Percentile(List<double> sorted, double p)
{
    if (sorted.Count == 0)
    {
        return double.NaN;
    }

    var index = (int)Math.Ceiling(p * sorted.Count) - 1;
    return Math.Round(sorted[Math.Clamp(index, 0, sorted.Count - 1)], 2);
}
