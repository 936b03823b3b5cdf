namespace TicketFlow.Server.Hosting;

/// <summary>The host's log messages.</summary>
internal static partial class HostingLogs
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created the first Employment Network {EnPid} and its API key {KeyId} (the key is printed once to the console)")]
    public static partial void FirstRunBootstrapped(ILogger logger, string enPid, string keyId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "TicketFlow data folder: {DataFolder}; durable store: {DurableStore}")]
    public static partial void DataFolder(ILogger logger, string dataFolder, string durableStore);
}
