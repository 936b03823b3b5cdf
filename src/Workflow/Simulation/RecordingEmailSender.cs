using System.Collections.Concurrent;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Workflow.Simulation;

/// <summary>
/// An email sender that keeps what it sends, with the (virtual) time it was sent, and, like the real senders, sends
/// an idempotency key once.
/// </summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, (EmailMessage Message, DateTimeOffset At)> _sent = new(StringComparer.Ordinal);
    private int _requests;

    /// <summary>The clock that stamps each email (the test host's virtual clock).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How many times a send was asked for, repeats included.</summary>
    public int Requests => _requests;

    /// <summary>What was sent, once per idempotency key, in the order sent.</summary>
    public IReadOnlyList<(EmailMessage Message, DateTimeOffset At)> Sent => [.. _sent.Values.OrderBy(s => s.At)];

    /// <inheritdoc />
    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _requests);
        _sent.TryAdd(message.IdempotencyKey, (message, Clock.GetUtcNow()));
        return Task.FromResult(new EmailSendResult([]));
    }
}
