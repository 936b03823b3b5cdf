namespace TicketFlow.Functions.Api.Security;

/// <summary>Authentication's log messages.</summary>
internal static partial class SecurityLogs
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Read {Count} Entra ID signing keys for issuer {Issuer}")]
    public static partial void SigningKeysRead(ILogger logger, int count, string issuer);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Entra ID signing keys could not be read; the keys already known stay in use")]
    public static partial void SigningKeysUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Entra ID token refused: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);
}
