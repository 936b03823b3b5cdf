using System.Collections.Concurrent;

namespace TicketFlow.Api.Caching;

/// <summary>
/// A small read-through cache of records that change rarely, each kept for a fixed time on the host's clock. Only
/// records that were found are kept: a record created a moment later must not be hidden by a cached absence.
/// </summary>
/// <typeparam name="T">The record.</typeparam>
internal sealed class ExpiringCache<T>(TimeProvider time, TimeSpan keepFor, int capacity = 100_000)
    where T : class
{
    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset Until)> entries = new(StringComparer.Ordinal);

    /// <summary>The cached record, or the one <paramref name="load"/> reads (kept when found).</summary>
    public async Task<T?> GetAsync(string key, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
    {
        if (keepFor <= TimeSpan.Zero)
        {
            return await load(cancellationToken);
        }

        var now = time.GetUtcNow();
        if (entries.TryGetValue(key, out var entry) && entry.Until > now)
        {
            return entry.Value;
        }

        var value = await load(cancellationToken);
        if (value is null)
        {
            entries.TryRemove(key, out _);
            return null;
        }

        if (entries.Count >= capacity)
        {
            // Bounded memory: a full cache starts again rather than tracking recency on every read.
            entries.Clear();
        }

        entries[key] = (value, now + keepFor);
        return value;
    }

    /// <summary>Forgets a record after this host changed it.</summary>
    public void Forget(string key) => entries.TryRemove(key, out _);
}
