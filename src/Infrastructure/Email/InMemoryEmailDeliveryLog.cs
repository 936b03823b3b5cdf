using System.Collections.Concurrent;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>An <see cref="IEmailDeliveryLog"/> in memory: for tests and runs without storage (lost on restart).</summary>
public sealed class InMemoryEmailDeliveryLog : IEmailDeliveryLog
{
    private readonly ConcurrentDictionary<string, EmailDeliveryEvent> _events = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> ContainsAsync(string eventId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_events.ContainsKey(eventId));

    /// <inheritdoc />
    public Task<bool> TryRecordAsync(EmailDeliveryEvent deliveryEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryEvent);
        return Task.FromResult(_events.TryAdd(deliveryEvent.EventId, deliveryEvent));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EmailDeliveryEvent>> GetForReminderAsync(string reminderId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EmailDeliveryEvent>>(
            _events.Values.Where(e => e.ReminderId == reminderId).OrderBy(e => e.OccurredAt).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList());
}
