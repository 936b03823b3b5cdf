namespace TicketFlow.Server.Hosting;

/// <summary>The host's log messages.</summary>
internal static partial class HostingLogs
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created the first Employment Network {EnPid} and its API key {KeyId} (the key is printed once to the console)")]
    public static partial void FirstRunBootstrapped(ILogger logger, string enPid, string keyId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "TicketFlow data folder: {DataFolder}; durable store: {DurableStore}")]
    public static partial void DataFolder(ILogger logger, string dataFolder, string durableStore);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "A storage account is configured: no demo Employment Network is created (register ENs with the administrative key)")]
    public static partial void FirstRunSkipped(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "The server did not start")]
    public static partial void DidNotStart(ILogger logger, Exception exception);
}
