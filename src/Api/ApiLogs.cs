namespace TicketFlow.Api;

/// <summary>The HTTP API's log messages.</summary>
internal static partial class ApiLogs
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Unhandled error answering {Method} {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string method, string path);
}
