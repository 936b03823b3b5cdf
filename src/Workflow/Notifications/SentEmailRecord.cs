namespace TicketFlow.Workflow.Notifications;

/// <summary>One email handed to the provider.</summary>
/// <param name="SendKey">The idempotency key combined with the recipient.</param>
/// <param name="Recipient">The recipient's address.</param>
/// <param name="TemplateId">The template sent.</param>
/// <param name="SentAt">When the provider accepted it.</param>
/// <param name="ProviderMessageId">The provider's id for it, if it gave one.</param>
/// <param name="TicketId">The ticket, if any.</param>
/// <param name="ReminderId">The reminder, if any.</param>
public sealed record SentEmailRecord(
    string SendKey,
    string Recipient,
    EmailTemplateId TemplateId,
    DateTimeOffset SentAt,
    string? ProviderMessageId,
    string? TicketId,
    string? ReminderId);
