namespace TicketFlow.Workflow.Notifications;

/// <summary>Delivery events recorded against reminders; each provider event is recorded once.</summary>
public interface IEmailDeliveryLog
{
    /// <summary>Whether an event with this id has already been recorded.</summary>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>True if it was recorded before.</returns>
    Task<bool> ContainsAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Records an event unless its id was recorded before.</summary>
    /// <param name="deliveryEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the event id was already recorded (nothing changed).</returns>
    Task<bool> TryRecordAsync(EmailDeliveryEvent deliveryEvent, CancellationToken cancellationToken = default);

    /// <summary>Every event recorded for one reminder, oldest first.</summary>
    /// <param name="reminderId">The reminder id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<EmailDeliveryEvent>> GetForReminderAsync(string reminderId, CancellationToken cancellationToken = default);
}
