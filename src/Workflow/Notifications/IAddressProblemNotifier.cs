namespace TicketFlow.Workflow.Notifications;

/// <summary>
/// Tells the EN's staff that a ticketholder's email address needs attention (a check-in email bounced or was
/// dropped), so they can reach the ticketholder another way and fix the address before the next contact is due.
/// </summary>
public interface IAddressProblemNotifier
{
    /// <summary>Notifies staff about one failed email. Must be idempotent per event id.</summary>
    /// <param name="failedEmail">The bounce or drop event, with the ticket and reminder it concerns.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>A task that completes when staff have been notified.</returns>
    Task NotifyAddressNeedsAttentionAsync(EmailDeliveryEvent failedEmail, CancellationToken cancellationToken = default);
}
