namespace TicketFlow.Workflow.Notifications;

/// <summary>
/// Remembers which (idempotency key, recipient) pairs were handed to the provider, so a retried activity does not
/// send a reminder twice. Backed by Table Storage in the host.
/// </summary>
public interface ISentEmailLog
{
    /// <summary>The record for a key, or null if it was never sent.</summary>
    /// <param name="sendKey">The idempotency key combined with the recipient.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The record, or null.</returns>
    Task<SentEmailRecord?> FindAsync(string sendKey, CancellationToken cancellationToken = default);

    /// <summary>Records a send (overwrites an earlier record for the same key).</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    Task RecordAsync(SentEmailRecord record, CancellationToken cancellationToken = default);
}
