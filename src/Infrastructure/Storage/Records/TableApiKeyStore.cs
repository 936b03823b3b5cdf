using Azure.Data.Tables;
using TicketFlow.Infrastructure.Storage.Tables;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>
/// API key records (hashes only): one partition for all keys, row key = key id, so authentication is a point read;
/// an EN's keys are found through the EnPid column.
/// </summary>
internal sealed class TableApiKeyStore(RecordTables tables) : IApiKeyStore
{
    private const string Partition = "keys";

    public Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken) =>
        tables.ApiKeys.GetAsync<ApiKeyRecord>(Partition, TableKeys.Create(keyId), cancellationToken);

    public Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken) =>
        tables.ApiKeys.AddAsync(Partition, TableKeys.Create(record.KeyId), record, $"API key {record.KeyId}", cancellationToken, ("EnPid", record.EnPid));

    public async Task<bool> RevokeAsync(string enPid, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        // Read, then replace only if nobody changed the key in between (ETag): a concurrent revocation keeps the first
        // revocation time, and a changed record is read again rather than overwritten with a stale copy.
        while (true)
        {
            var found = await tables.ApiKeys.GetWithETagAsync<ApiKeyRecord>(Partition, TableKeys.Create(keyId), cancellationToken);
            if (found is not { Record: var record, ETag: var etag } || record.EnPid != enPid)
            {
                return false;
            }

            if (record.RevokedAt is not null
                || await tables.ApiKeys.UpdateAsync(Partition, TableKeys.Create(keyId), record with { RevokedAt = revokedAt }, etag, cancellationToken, ("EnPid", record.EnPid)))
            {
                return true;
            }
        }
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string enPid, CancellationToken cancellationToken) =>
        [.. (await tables.ApiKeys.QueryAsync<ApiKeyRecord>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and EnPid eq {enPid}"), cancellationToken))
            .OrderBy(k => k.CreatedAt)];
}
