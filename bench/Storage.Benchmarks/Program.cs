// Entities written and read per second against Azurite (in memory, started here and stopped at the end):
// single writes (one Insert Entity per request), batched writes (entity group transactions of 100),
// point reads (Get Entity) and a paged query over everything written in batches; and blob throughput
// (20 MiB documents uploaded with their MD5, as BlobDocumentStore does, and downloaded streaming with the MD5 check).
// On the official SDKs (Azure.Data.Tables, Azure.Storage.Blobs), with the client options the host uses.
// Prints one JSON line. Usage: dotnet run -c Release --project bench/Storage.Benchmarks [-- --entities 2000]
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Infrastructure.Storage.Documents;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Documents;

var singles = 2_000;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--entities")
    {
        singles = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
}

var batched = singles * 10;
await using var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions());
var service = new TableServiceClient(azurite.ConnectionString);

static TableEntity Record(string partition, int i) => new(partition, TableKeys.Create(i.ToString("D7", CultureInfo.InvariantCulture)))
{
    ["Method"] = "phone",
    ["TwoWay"] = i % 2 == 0,
    ["AttemptedOn"] = "2026-03-02",
    ["Notes"] = "Discussed the IWP's short-term goal and the next contact date.",
    ["Sequence"] = (long)i,
};

async Task<double> TimeAsync(int count, Func<Task> work)
{
    var stopwatch = Stopwatch.StartNew();
    await work();
    return count / stopwatch.Elapsed.TotalSeconds;
}

var singleTable = service.GetTableClient("benchsingle");
await singleTable.CreateIfNotExistsAsync();
var batchTable = service.GetTableClient("benchbatch");
await batchTable.CreateIfNotExistsAsync();

// Warm up the connection and JIT so the first measurement is not penalised.
await singleTable.UpsertEntityAsync(Record("warmup", 0));

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
        await batchTable.SubmitCheckedTransactionAsync([.. Enumerable.Range(start, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Record("en-1", i)))]);
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
var container = new BlobServiceClient(azurite.ConnectionString, new BlobClientOptions(StorageServiceCollectionExtensions.BlobServiceVersion)).GetBlobContainerClient("bench");
await container.CreateIfNotExistsAsync();
var documents = new BlobDocumentStore(container, TimeProvider.System);
var document = new byte[blobBytes];
new Random(1).NextBytes(document);
var saved = new DocumentReference[blobCount];
var uploadMiBPerSecond = await TimeAsync(blobCount * 20, async () =>
{
    for (var i = 0; i < blobCount; i++)
    {
        saved[i] = await documents.SaveAsync($"T{i}", DocumentKind.SignedIwp, $"d{i}", new MemoryStream(document), "application/pdf");
    }
});
var downloadMiBPerSecond = await TimeAsync(blobCount * 20, async () =>
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
    singleWritesPerSecond = Math.Round(singleWrites),
    batchedWriteEntities = batched,
    batchedWritesPerSecond = Math.Round(batchedWrites),
    pointReadsPerSecond = Math.Round(pointReads),
    queryReadsPerSecond = Math.Round(queryReads),
    blobUploadMiBPerSecond = Math.Round(uploadMiBPerSecond, 1),
    blobDownloadMiBPerSecond = Math.Round(downloadMiBPerSecond, 1),
    processors = Environment.ProcessorCount,
}));
return 0;
