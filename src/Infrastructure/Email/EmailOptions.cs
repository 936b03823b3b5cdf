namespace TicketFlow.Infrastructure.Email;

/// <summary>Email settings (configuration section Email), validated at start.</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Email";

    /// <summary>Outbox (default) or SendGrid.</summary>
    public EmailProvider Provider { get; set; } = EmailProvider.Outbox;

    /// <summary>The sender address (for SendGrid, a verified sender or an address on an authenticated domain).</summary>
    public string FromAddress { get; set; } = "ticketflow@localhost.localdomain";

    /// <summary>The sender name shown to recipients, e.g. the EN's name.</summary>
    public string FromName { get; set; } = "TicketFlow";

    /// <summary>Where replies go, if not to the sender (e.g. the EN's shared inbox).</summary>
    public string? ReplyToAddress { get; set; }

    /// <summary>The EN's staff inbox that hears about undeliverable ticketholder addresses.</summary>
    public string? StaffAlertAddress { get; set; }

    /// <summary>The Employment Network's name, used in staff alerts.</summary>
    public string EmploymentNetworkName { get; set; } = "your Employment Network";

    /// <summary>Where the outbox writes .eml files.</summary>
    public string OutboxFolder { get; set; } = Path.Combine(".data", "outbox");

    /// <summary>The table holding sent-email records (idempotency) and delivery events.</summary>
    public string SentEmailTableName { get; set; } = "SentEmails";

    /// <summary>The table holding delivery events from the Event Webhook.</summary>
    public string DeliveryEventTableName { get; set; } = "EmailDeliveryEvents";

    /// <summary>SendGrid settings.</summary>
    public SendGridOptions SendGrid { get; set; } = new();
}
