namespace TicketFlow.Workflow.Notifications;

/// <summary>What happened for one recipient.</summary>
/// <param name="Recipient">The recipient.</param>
/// <param name="AlreadySent">True when the idempotency key had already been sent to them, so nothing was sent now.</param>
/// <param name="ProviderMessageId">The provider's id for the message (SendGrid X-Message-Id, or the outbox file name).</param>
public sealed record EmailRecipientResult(EmailAddress Recipient, bool AlreadySent, string? ProviderMessageId);
