using System.Globalization;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>
/// First answers to idempotent POSTs: partitioned by caller scope, row key = the caller's key (escaped). A claim is an
/// insert, which the service makes atomic: of two concurrent requests with one key, exactly one claims it. An expired
/// claim is taken over by inserting a marker row named after it (also atomic, so exactly one request takes it over)
/// and then replacing the claim; markers stay, so a late request that read the same expired claim cannot take it again.
/// </summary>
internal sealed class TableIdempotencyStore(RecordTables tables) : IIdempotencyStore
{
    public async Task<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord claim, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            await tables.Idempotency.AddAsync(TableKeys.Create(claim.Scope), TableKeys.Create(claim.Key), claim, "Idempotency key", cancellationToken);
            return null;
        }
        catch (RecordAlreadyExistsException)
        {
            var existing = await tables.Idempotency.GetAsync<IdempotencyRecord>(TableKeys.Create(claim.Scope), TableKeys.Create(claim.Key), cancellationToken);
            if (existing is null)
            {
                return claim with { StatusCode = 0 }; // released between the two calls: report it as in progress, the caller retries
            }

            // Only the same request takes over: a different one with this key hears 422 from the caller's side.
            if (!existing.InProgress || existing.CreatedAt + lease > claim.CreatedAt || existing.RequestHash != claim.RequestHash)
            {
                return existing;
            }

            try
            {
                var marker = string.Create(CultureInfo.InvariantCulture, $"{claim.Key}\nexpired-claim\n{existing.CreatedAt.UtcTicks}");
                await tables.Idempotency.AddAsync(TableKeys.Create(claim.Scope), TableKeys.Create(marker), existing, "Expired idempotency claim", cancellationToken);
            }
            catch (RecordAlreadyExistsException)
            {
                return existing; // another request took it over a moment ago
            }

            await tables.Idempotency.UpsertAsync(TableKeys.Create(claim.Scope), TableKeys.Create(claim.Key), claim, cancellationToken);
            return null;
        }
    }

    public Task CompleteAsync(IdempotencyRecord completed, CancellationToken cancellationToken) =>
        tables.Idempotency.UpsertAsync(TableKeys.Create(completed.Scope), TableKeys.Create(completed.Key), completed, cancellationToken);

    public Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken) =>
        tables.Idempotency.DeleteAsync(TableKeys.Create(scope), TableKeys.Create(key), cancellationToken);
}
