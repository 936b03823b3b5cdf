using TicketFlow.Functions.Storage;
using TicketFlow.Functions.Storage.Auth;
using TicketFlow.Functions.Storage.Blobs;
using TicketFlow.Functions.Storage.Tables;

namespace TicketFlow.Functions.Tests.Fixtures;

/// <summary>
/// One Azurite (Blob + Table, in memory, free loopback ports) shared by every test in <see cref="AzuriteCollection"/>;
/// started once, stopped at the end. Tests isolate themselves with unique table and container names
/// (<see cref="UniqueName"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteLauncher? _azurite;

    public Uri TableEndpoint => Azurite.TableEndpoint;

    public Uri BlobEndpoint => Azurite.BlobEndpoint;

    public string ConnectionString => Azurite.ConnectionString;

    public StorageSharedKeyCredential Credential => AzuriteLauncher.Credential;

    private AzuriteLauncher Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public TableServiceClient CreateTableServiceClient(StorageClientOptions? options = null) => new(TableEndpoint, Credential, options);

    public BlobServiceClient CreateBlobServiceClient(StorageClientOptions? options = null) => new(BlobEndpoint, Credential, options);

    public async Task<TableClient> CreateTableAsync(string prefix = "t")
    {
        var table = CreateTableServiceClient().GetTableClient(UniqueName(prefix));
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
