using TicketFlow.Functions.Api.Idempotency;
using TicketFlow.Functions.Storage.Tables;
using TicketFlow.Workflow;

namespace TicketFlow.Functions.Storage.Records;

/// <summary>
/// First answers to idempotent POSTs: partitioned by caller scope, row key = the caller's key (escaped). A claim is an
/// insert, which the service makes atomic: of two concurrent requests with one key, exactly one claims it.
/// </summary>
internal sealed class TableIdempotencyStore(RecordTables tables) : IIdempotencyStore
{
    public async Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await tables.Idempotency.AddAsync(TableKeys.Create(claim.Scope), TableKeys.Create(claim.Key), claim, "Idempotency key", cancellationToken);
            return null;
        }
        catch (RecordAlreadyExistsException)
        {
            return await tables.Idempotency.GetAsync<IdempotencyRecord>(TableKeys.Create(claim.Scope), TableKeys.Create(claim.Key), cancellationToken)
                ?? claim with { StatusCode = 0 }; // released between the two calls: report it as in progress, the caller retries
        }
    }

    public Task CompleteAsync(IdempotencyRecord completed, CancellationToken cancellationToken) =>
        tables.Idempotency.UpsertAsync(TableKeys.Create(completed.Scope), TableKeys.Create(completed.Key), completed, cancellationToken);

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        tables.Idempotency.DeleteAsync(TableKeys.Create(scope), TableKeys.Create(key), cancellationToken);
}
