namespace TicketFlow.Infrastructure.Email;

/// <summary>The idempotency key of one (message, recipient) pair: one message per recipient, each sent at most once.</summary>
internal static class EmailSendKey
{
    public static string For(string idempotencyKey, Workflow.Notifications.EmailAddress recipient) =>
        idempotencyKey + "|" + recipient.Address.ToLowerInvariant();
}
