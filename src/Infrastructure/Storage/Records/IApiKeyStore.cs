namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>Where API key records are kept.</summary>
public interface IApiKeyStore
{
    /// <summary>Finds a key's record by its key id.</summary>
    /// <param name="keyId">The key id.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The record, or null when there is none.</returns>
    Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Stores a new key's record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken);

    /// <summary>Marks a key revoked.</summary>
    /// <param name="enPid">The EN the key belongs to (a key of another EN is not found).</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="revokedAt">When it was revoked.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the EN has no such key.</returns>
    Task<bool> RevokeAsync(string enPid, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    /// <summary>Lists an EN's keys.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The EN's key records.</returns>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string enPid, CancellationToken cancellationToken);
}
