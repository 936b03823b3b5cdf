using Microsoft.Extensions.Logging;

namespace TicketFlow.Infrastructure.Storage;

/// <summary>Log messages of the storage area. Account keys and connection strings are never logged.</summary>
internal static partial class StorageLogs
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "No storage account configured; starting Azurite with data under {DataFolder}")]
    public static partial void StartingAzurite(ILogger logger, string dataFolder);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Azurite is listening: tables at {TableEndpoint}, blobs at {BlobEndpoint} (process {ProcessId})")]
    public static partial void AzuriteStarted(ILogger logger, Uri tableEndpoint, Uri blobEndpoint, int processId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Stopping Azurite")]
    public static partial void StoppingAzurite(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Storage: tables at {TableEndpoint}, blobs at {BlobEndpoint}, authentication {Authentication}")]
    public static partial void Using(ILogger logger, Uri tableEndpoint, Uri blobEndpoint, string authentication);
}
