using Microsoft.Extensions.Logging;

namespace TicketFlow.Infrastructure.Email;

/// <summary>Log messages of the email area. Addresses are logged at Debug only; API keys never.</summary>
internal static partial class EmailLogs
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Email {TemplateId} for reminder {ReminderId} accepted by {Provider} (message {ProviderMessageId})")]
    public static partial void Sent(ILogger logger, string templateId, string? reminderId, string provider, string? providerMessageId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Email {TemplateId} for reminder {ReminderId} was already sent under this idempotency key; not sending again")]
    public static partial void AlreadySent(ILogger logger, string templateId, string? reminderId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "SendGrid answered {Status}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, int? status, int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "SendGrid refused email {TemplateId} for reminder {ReminderId}: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, string templateId, string? reminderId, int status, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "SendGrid event webhook refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "SendGrid event webhook: {Recorded} recorded, {Duplicates} duplicates, {Ignored} ignored")]
    public static partial void WebhookProcessed(ILogger logger, int recorded, int duplicates, int ignored);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Email {Kind} for reminder {ReminderId} of ticket {TicketId}; telling staff the ticketholder's address needs attention")]
    public static partial void AddressProblem(ILogger logger, string kind, string? reminderId, string? ticketId);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "No Email:StaffAlertAddress is configured; the address problem on ticket {TicketId} is recorded but no one is emailed")]
    public static partial void NoStaffAlertAddress(ILogger logger, string? ticketId);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Email {TemplateId} written to the outbox: {Path}")]
    public static partial void WrittenToOutbox(ILogger logger, string templateId, string path);
}
