namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>Where first answers to idempotent POSTs are kept.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims a key for a request about to be processed: stores an in-progress record unless one exists. A claim is
    /// never permanent: an in-progress record older than <paramref name="lease"/> (its request crashed, or its host
    /// did) is taken over by exactly one of the requests that find it expired.
    /// </summary>
    /// <param name="claim">The in-progress record (its <see cref="IdempotencyRecord.CreatedAt"/> is now).</param>
    /// <param name="lease">How long an in-progress claim holds the key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Null when the claim succeeded; otherwise the record that holds the key (an answer, or a live claim).</returns>
    Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord claim, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Stores the first answer in place of the in-progress record.</summary>
    /// <param name="completed">The record with the answer.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the answer is stored.</returns>
    Task CompleteAsync(IdempotencyRecord completed, CancellationToken cancellationToken);

    /// <summary>
    /// Drops a claim whose request failed with a server error, so that the caller may retry with the same key.
    /// </summary>
    /// <param name="scope">The caller's scope.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the claim is gone.</returns>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}
