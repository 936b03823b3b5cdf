// Entities written and read per second against Azurite (in memory, started here and stopped at the end):
// single writes (one Insert Entity per request), batched writes (entity group transactions of 100),
// point reads (Get Entity) and a paged query over everything written in batches; and blob throughput
// (20 MiB documents uploaded with their MD5, as BlobDocumentStore does, and downloaded streaming with the MD5 check).
// On the official SDKs (Azure.Data.Tables, Azure.Storage.Blobs), with the clients the host gets: AddStorageServices
// builds them (its client options, Microsoft.Extensions.Azure's log forwarding, the host's "Azure" log filter).
// Every operation is warmed up (JIT, tiering, connection) on rows outside the measured ones before it is timed, and
// each phase reports, besides its rate, the CPU time per operation of this process (the client) and of Azurite, and
// the wall-clock time per operation spent outside the HTTP transport (the client's own work: serialization, the SDK's
// pipeline), so runs on a shared machine can be compared by the work each side does, not only by the clock.
// Environment variables override the Storage section (e.g. Storage__SdkRequestLogging=true for the SDKs' request events).
// Prints one JSON line. Usage: dotnet run -c Release --project bench/Storage.Benchmarks [-- --entities 2000]
// With `-- --knobs [rounds]` it compares client settings instead (ClientKnobs.cs): one JSON line per variant; with
// `-- --client-only [rounds]` it measures the Table client's own work per operation over a replaying transport (ClientOnly.cs).
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Infrastructure.Storage.Documents;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Documents;

var singles = 2_000;
int? knobRounds = null;
int? clientOnlyRounds = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--entities" && i + 1 < args.Length)
    {
        singles = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--knobs")
    {
        knobRounds = i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var rounds) ? rounds : 20;
    }
    else if (args[i] == "--client-only")
    {
        clientOnlyRounds = i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var rounds) ? rounds : 5;
    }
}

var batched = singles * 10;
await using var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions());
if (knobRounds is { } knobs)
{
    return await ClientKnobs.RunAsync(azurite, knobs);
}

if (clientOnlyRounds is { } clientRounds)
{
    return await ClientOnly.RunAsync(azurite, clientRounds, "Azure.Data.Tables 12.13.0");
}

var transportTimer = new TransportTimer();
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString })
    .AddEnvironmentVariables()
    .Build();
await using var provider = new ServiceCollection()
    .AddLogging(logging => logging.AddFilter("Azure", LogLevel.Error)) // as TicketFlowHost filters them
    .AddStorageServices(configuration)
    .ConfigureAll<TableClientOptions>(options => options.AddPolicy(transportTimer, Azure.Core.HttpPipelinePosition.BeforeTransport))
    .ConfigureAll<BlobClientOptions>(options => options.AddPolicy(transportTimer, Azure.Core.HttpPipelinePosition.BeforeTransport))
    .BuildServiceProvider(validateScopes: true);
var service = provider.GetRequiredService<TableServiceClient>();
var server = Process.GetProcessById(azurite.ProcessId);
var client = Process.GetCurrentProcess();

static TableEntity Record(string partition, int i) => new(partition, TableKeys.Create(i.ToString("D7", CultureInfo.InvariantCulture)))
{
    ["Method"] = "phone",
    ["TwoWay"] = i % 2 == 0,
    ["AttemptedOn"] = "2026-03-02",
    ["Notes"] = "Discussed the IWP's short-term goal and the next contact date.",
    ["Sequence"] = (long)i,
};

async Task<Phase> TimeAsync(int count, Func<Task> work)
{
    client.Refresh();
    server.Refresh();
    var clientCpu = client.TotalProcessorTime;
    var serverCpu = server.TotalProcessorTime;
    var transport = transportTimer.Elapsed;
    var stopwatch = Stopwatch.StartNew();
    await work();
    stopwatch.Stop();
    client.Refresh();
    server.Refresh();
    return new Phase(
        count / stopwatch.Elapsed.TotalSeconds,
        (client.TotalProcessorTime - clientCpu).TotalMicroseconds / count,
        (server.TotalProcessorTime - serverCpu).TotalMicroseconds / count,
        (stopwatch.Elapsed - (transportTimer.Elapsed - transport)).TotalMicroseconds / count);
}

static TableTransactionAction[] Batch(string partition, int start) =>
    [.. Enumerable.Range(start, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Record(partition, i)))];

var singleTable = service.GetTableClient("benchsingle");
await singleTable.CreateIfNotExistsAsync();
var batchTable = service.GetTableClient("benchbatch");
await batchTable.CreateIfNotExistsAsync();

// Warm up the connection, the JIT and tiered compilation for every operation measured below, on a partition the
// measured reads and the query do not touch.
const int warmups = 200;
for (var i = 0; i < warmups; i++)
{
    await singleTable.AddEntityAsync(Record("warmup", i));
    _ = await singleTable.GetEntityAsync<TableEntity>("warmup", TableKeys.Create(i.ToString("D7", CultureInfo.InvariantCulture)));
}

for (var start = 0; start < 10 * 100; start += 100)
{
    await batchTable.SubmitCheckedTransactionAsync(Batch("warmup", start));
}

for (var i = 0; i < 5; i++)
{
    await foreach (var _ in batchTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"warmup"}")))
    {
    }
}

var singleWrites = await TimeAsync(singles, async () =>
{
    for (var i = 0; i < singles; i++)
    {
        await singleTable.AddEntityAsync(Record("en-1", i));
    }
});

var batchedWrites = await TimeAsync(batched, async () =>
{
    for (var start = 0; start < batched; start += 100)
    {
        await batchTable.SubmitCheckedTransactionAsync(Batch("en-1", start));
    }
});

var pointReads = await TimeAsync(singles, async () =>
{
    for (var i = 0; i < singles; i++)
    {
        _ = await singleTable.GetEntityAsync<TableEntity>("en-1", TableKeys.Create(i.ToString("D7", CultureInfo.InvariantCulture)));
    }
});

var queried = 0;
var queryReads = await TimeAsync(batched, async () =>
{
    await foreach (var _ in batchTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"en-1"}")))
    {
        queried++;
    }
});

const int blobCount = 3;
const int blobBytes = 20 * 1024 * 1024;
var container = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("bench");
await container.CreateIfNotExistsAsync();
var documents = new BlobDocumentStore(container, TimeProvider.System);
var document = new byte[blobBytes];
new Random(1).NextBytes(document);
var saved = new DocumentReference[blobCount];
var uploads = await TimeAsync(blobCount * 20, async () =>
{
    for (var i = 0; i < blobCount; i++)
    {
        saved[i] = await documents.SaveAsync($"T{i}", DocumentKind.SignedIwp, $"d{i}", new MemoryStream(document), "application/pdf");
    }
});
var downloads = await TimeAsync(blobCount * 20, async () =>
{
    for (var i = 0; i < blobCount; i++)
    {
        await using var download = await documents.OpenReadAsync(saved[i]);
        await download.CopyToAsync(Stream.Null);
    }
});

if (queried != batched)
{
    Console.Error.WriteLine($"query returned {queried} entities, expected {batched}");
    return 1;
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    benchmark = "storage",
    target = "azurite 3.37.0 (in memory, loopback)",
    client = "Azure.Data.Tables 12.13.0, Azure.Storage.Blobs 12.30.1",
    singleWriteEntities = singles,
    singleWritesPerSecond = Math.Round(singleWrites.PerSecond),
    batchedWriteEntities = batched,
    batchedWritesPerSecond = Math.Round(batchedWrites.PerSecond),
    pointReadsPerSecond = Math.Round(pointReads.PerSecond),
    queryReadsPerSecond = Math.Round(queryReads.PerSecond),
    blobUploadMiBPerSecond = Math.Round(uploads.PerSecond, 1),
    blobDownloadMiBPerSecond = Math.Round(downloads.PerSecond, 1),
    clientCpuMicroseconds = new
    {
        perSingleWrite = Math.Round(singleWrites.ClientCpuMicroseconds),
        perBatchedEntity = Math.Round(batchedWrites.ClientCpuMicroseconds, 1),
        perPointRead = Math.Round(pointReads.ClientCpuMicroseconds),
        perQueriedEntity = Math.Round(queryReads.ClientCpuMicroseconds, 1),
        perMiBUploaded = Math.Round(uploads.ClientCpuMicroseconds),
        perMiBDownloaded = Math.Round(downloads.ClientCpuMicroseconds),
    },
    outsideTransportMicroseconds = new
    {
        perSingleWrite = Math.Round(singleWrites.OutsideTransportMicroseconds),
        perBatchedEntity = Math.Round(batchedWrites.OutsideTransportMicroseconds, 1),
        perPointRead = Math.Round(pointReads.OutsideTransportMicroseconds),
        perQueriedEntity = Math.Round(queryReads.OutsideTransportMicroseconds, 1),
        perMiBUploaded = Math.Round(uploads.OutsideTransportMicroseconds),
        perMiBDownloaded = Math.Round(downloads.OutsideTransportMicroseconds),
    },
    azuriteCpuMicroseconds = new
    {
        perSingleWrite = Math.Round(singleWrites.ServerCpuMicroseconds),
        perBatchedEntity = Math.Round(batchedWrites.ServerCpuMicroseconds, 1),
        perPointRead = Math.Round(pointReads.ServerCpuMicroseconds),
        perQueriedEntity = Math.Round(queryReads.ServerCpuMicroseconds, 1),
        perMiBUploaded = Math.Round(uploads.ServerCpuMicroseconds),
        perMiBDownloaded = Math.Round(downloads.ServerCpuMicroseconds),
    },
    processors = Environment.ProcessorCount,
}));
return 0;

/// <summary>One measured phase: operations per second; CPU microseconds per operation of the client and of Azurite; wall-clock microseconds per operation spent outside the transport (the client's own work).</summary>
internal sealed record Phase(double PerSecond, double ClientCpuMicroseconds, double ServerCpuMicroseconds, double OutsideTransportMicroseconds);

/// <summary>Adds up the time requests spend in the transport (HTTP on loopback, and Azurite), to tell it from the client's own time.</summary>
internal sealed class TransportTimer : Azure.Core.Pipeline.HttpPipelinePolicy
{
    private long _ticks;

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <inheritdoc/>
    public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        var start = Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(start).Ticks);
    }

    /// <inheritdoc/>
    public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
    {
        var start = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(start).Ticks);
    }
}
