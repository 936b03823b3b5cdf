using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TicketFlow.Functions.Storage;

/// <summary>
/// Forwards Azure.Core's pipeline events (error responses, retries, Azure.Identity failures) at Warning and above to
/// the host's logging. Azure.Core redacts headers and query values it is not told to log, so keys and tokens never appear.
/// </summary>
internal sealed class AzureSdkLogForwarder(ILogger<AzureSdkLogForwarder> logger) : IHostedService, IDisposable
{
    private AzureEventSourceListener? _listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener ??= new AzureEventSourceListener(
            (e, message) => StorageLogs.AzureSdk(logger, e.Level is EventLevel.Critical or EventLevel.Error ? LogLevel.Error : LogLevel.Warning, e.EventSource.Name, message),
            EventLevel.Warning);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
    }
}
