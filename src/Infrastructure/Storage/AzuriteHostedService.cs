using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TicketFlow.Infrastructure.Storage;

/// <summary>
/// Starts Azurite with the host when no storage account is configured (data under Storage:DataFolder, kept between
/// runs) and stops it with the host. Registered by <see cref="StorageServiceCollectionExtensions.AddStorageServices"/>
/// before anything that uses storage, so it starts first.
/// </summary>
internal sealed class AzuriteHostedService(IOptions<StorageOptions> options, ILogger<AzuriteHostedService> logger, AzuriteProcessOwner? owner = null)
    : IHostedService, IAsyncDisposable, IDisposable
{
    private AzuriteLauncher? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        StorageLogs.StartingAzurite(logger, Path.GetFullPath(o.DataFolder));
        var launch = new AzuriteLaunchOptions { DataFolder = o.DataFolder, BlobPort = o.AzuriteBlobPort, TablePort = o.AzuriteTablePort, RepositoryRoot = o.RepositoryRoot };
        _azurite = owner is null
            ? await AzuriteLauncher.StartAsync(launch, cancellationToken).ConfigureAwait(false)
            : await owner.StartAsync(launch, cancellationToken).ConfigureAwait(false);
        StorageLogs.AzuriteStarted(logger, _azurite.TableEndpoint, _azurite.BlobEndpoint, _azurite.ProcessId);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    // The container may be disposed synchronously; Azurite must still be stopped then.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            StorageLogs.StoppingAzurite(logger);
            await _azurite.DisposeAsync().ConfigureAwait(false);
            _azurite = null;
            owner?.Dispose();
        }
    }
}
