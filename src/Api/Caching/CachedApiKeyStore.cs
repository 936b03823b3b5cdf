using TicketFlow.Api.Security;
using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Api.Caching;

/// <summary>
/// API keys, read through a short cache: every request authenticates, and a storage round trip per request would be
/// most of its cost. A key revoked on this host stops working at once; on another host, within
/// <see cref="ApiSecurityOptions.RecordCacheDuration"/>. The secret is still compared with the stored hash on every request.
/// </summary>
internal sealed class CachedApiKeyStore(IApiKeyStore inner, ExpiringCache<ApiKeyRecord> cache) : IApiKeyStore
{
    public Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken) =>
        cache.GetAsync(keyId, ct => inner.FindAsync(keyId, ct), cancellationToken);

    public Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken) => inner.AddAsync(record, cancellationToken);

    public async Task<bool> RevokeAsync(string enPid, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        cache.Forget(keyId);
        var revoked = await inner.RevokeAsync(enPid, keyId, revokedAt, cancellationToken);

        // Forgotten again: a request that read the key during the revocation must not put it back for a whole period.
        cache.Forget(keyId);
        return revoked;
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string enPid, CancellationToken cancellationToken) => inner.ListAsync(enPid, cancellationToken);
}
