namespace TicketFlow.Api.Security;

/// <summary>Authentication's log messages.</summary>
internal static partial class SecurityLogs
{
    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Entra ID token refused: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);
}
