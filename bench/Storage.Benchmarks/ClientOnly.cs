using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Infrastructure.Storage.Tables;

/// <summary>
/// `--client-only [rounds]`: the client's own work per operation, without the network or Azurite: the host's Table
/// clients (AddStorageServices) over <see cref="ReplayTransport"/>, which answers every insert, read, batch and query
/// with a response recorded from Azurite once. Prints one JSON line: medians over the rounds of process CPU and
/// wall-clock microseconds and bytes allocated per operation (per entity for batches and queries). The same runner,
/// with only the client calls changed, is in the hand-written client's bench (2df2406).
/// </summary>
internal static class ClientOnly
{
    private const int Operations = 2_000;

    public static async Task<int> RunAsync(AzuriteLauncher azurite, int rounds, string clientName)
    {
        var replay = new ReplayTransport();
        await using var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddFilter("Azure", LogLevel.Error))
            .AddStorageServices(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString })
                .AddEnvironmentVariables()
                .Build())
            .ConfigureAll<TableClientOptions>(options =>
            {
                options.Transport = replay;

                // One client setting changed, to price it without Azurite's noise: BENCH_CLIENT_KNOB=noDistributedTracing|noTelemetryHeader.
                switch (Environment.GetEnvironmentVariable("BENCH_CLIENT_KNOB"))
                {
                    case "noDistributedTracing":
                        options.Diagnostics.IsDistributedTracingEnabled = false;
                        break;
                    case "noTelemetryHeader":
                        options.Diagnostics.IsTelemetryEnabled = false;
                        break;
                    case null or "":
                        break;
                    case var other:
                        throw new ArgumentException($"BENCH_CLIENT_KNOB={other} is not a knob this bench knows.");
                }
            })
            .BuildServiceProvider(validateScopes: true);
        var table = provider.GetRequiredService<TableServiceClient>().GetTableClient("benchclient");
        await table.CreateIfNotExistsAsync();

        // Record one real answer of each kind: an insert, a read of it, a batch of 100, and a query page of 1,000.
        await table.AddEntityAsync(Record("single", 0));
        _ = await table.GetEntityAsync<TableEntity>("single", Key(0));
        for (var start = 0; start < 1_000; start += 100)
        {
            await table.SubmitCheckedTransactionAsync(Batch("query", start));
        }

        var recordedPage = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"query"}")))
        {
            recordedPage++;
        }

        replay.Replaying = true;
        var phases = new Dictionary<string, List<(double Cpu, double Wall, double Allocated)>>(StringComparer.Ordinal);

        async Task MeasureAsync(string name, int perCall, int calls, Func<int, Task> call)
        {
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                await call(i);
            }

            stopwatch.Stop();
            process.Refresh();
            var count = (double)perCall * calls;
            if (!phases.TryGetValue(name, out var samples))
            {
                phases[name] = samples = [];
            }

            samples.Add((
                (process.TotalProcessorTime - cpu).TotalMicroseconds / count,
                stopwatch.Elapsed.TotalMicroseconds / count,
                (GC.GetTotalAllocatedBytes(precise: true) - allocated) / count));
        }

        // Round 0 warms up (JIT, tiering) and is dropped.
        for (var round = 0; round <= rounds; round++)
        {
            await MeasureAsync("insert", 1, Operations, i => table.AddEntityAsync(Record("single", i)));
            await MeasureAsync("read", 1, Operations, i => table.GetEntityAsync<TableEntity>("single", Key(i)));
            await MeasureAsync("batchedEntity", 100, Operations / 50, i => table.SubmitCheckedTransactionAsync(Batch("batch", i * 100)));
            await MeasureAsync("queriedEntity", recordedPage, Operations / 200, async _ =>
            {
                await foreach (var __ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"query"}")))
                {
                }
            });
            if (round == 0)
            {
                phases.Clear();
            }
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "storage-client-only",
            client = clientName,
            knob = Environment.GetEnvironmentVariable("BENCH_CLIENT_KNOB") ?? string.Empty,
            rounds,
            queryPageEntities = recordedPage,
            cpuMicroseconds = phases.ToDictionary(p => p.Key, p => Math.Round(Median(p.Value.Select(s => s.Cpu)), 1)),
            wallMicroseconds = phases.ToDictionary(p => p.Key, p => Math.Round(Median(p.Value.Select(s => s.Wall)), 1)),
            allocatedBytes = phases.ToDictionary(p => p.Key, p => Math.Round(Median(p.Value.Select(s => s.Allocated)))),
            requestBytesReplayed = replay.RequestBytes,
        }));
        return 0;
    }

    private static string Key(int i) => TableKeys.Create(i.ToString("D7", CultureInfo.InvariantCulture));

    private static TableEntity Record(string partition, int i) => new(partition, Key(i))
    {
        ["Method"] = "phone",
        ["TwoWay"] = i % 2 == 0,
        ["AttemptedOn"] = "2026-03-02",
        ["Notes"] = "Discussed the IWP's short-term goal and the next contact date.",
        ["Sequence"] = (long)i,
    };

    private static TableTransactionAction[] Batch(string partition, int start) =>
        [.. Enumerable.Range(start, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Record(partition, i)))];
}
