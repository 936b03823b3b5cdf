namespace TicketFlow.Workflow.Notifications;

/// <summary>
/// Sends emails (SendGrid in production, a local outbox of .eml files by default). Idempotent per
/// <see cref="EmailMessage.IdempotencyKey"/> and recipient: sending the same message twice delivers it once.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends one message to each recipient.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>What happened for each recipient.</returns>
    /// <exception cref="EmailDeliveryException">The provider refused the message, or kept failing after retries.</exception>
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
