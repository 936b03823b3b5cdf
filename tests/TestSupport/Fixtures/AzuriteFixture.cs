using Azure.Data.Tables;
using Azure.Storage.Blobs;
using TicketFlow.Infrastructure.Storage;

namespace TicketFlow.Testing.Fixtures;

/// <summary>
/// One Azurite (Blob + Table, in memory, free loopback ports) shared by every test in <see cref="AzuriteCollection"/>;
/// started once, stopped at the end. Tests isolate themselves with unique table and container names
/// (<see cref="UniqueName"/>). Clients are the official SDKs', on the development account's connection string, with
/// the Blob service version the host pins.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteLauncher? _azurite;

    public Uri TableEndpoint => Azurite.TableEndpoint;

    public Uri BlobEndpoint => Azurite.BlobEndpoint;

    public string ConnectionString => Azurite.ConnectionString;

    private AzuriteLauncher Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) => new(ConnectionString, options ?? new TableClientOptions());

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        new(ConnectionString, options ?? new BlobClientOptions(StorageServiceCollectionExtensions.BlobServiceVersion));

    public async Task<TableClient> CreateTableAsync(string prefix = "t", TableClientOptions? options = null)
    {
        var table = CreateTableServiceClient(options).GetTableClient(UniqueName(prefix));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public async Task InitializeAsync() => _azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions());

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
