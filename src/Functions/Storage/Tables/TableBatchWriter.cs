namespace TicketFlow.Functions.Storage.Tables;

/// <summary>
/// Writes many entities with as few requests as the service allows: grouped by partition, in entity group
/// transactions of at most 100 actions. Each transaction is atomic; the whole call is not (a failure leaves the
/// earlier transactions applied), so use it for idempotent upserts such as imports and deadline projections.
/// </summary>
public static class TableBatchWriter
{
    /// <summary>Upserts every entity; returns how many transactions were sent.</summary>
    /// <param name="table">The table.</param>
    /// <param name="entities">The entities (any partitions; a row may appear once).</param>
    /// <param name="mode">Merge or Replace.</param>
    /// <param name="cancellationToken">Cancels the remaining transactions.</param>
    /// <returns>The number of transactions sent.</returns>
    public static async Task<int> UpsertManyAsync(this TableClient table, IEnumerable<ITableEntity> entities, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entities);
        var type = mode == TableUpdateMode.Merge ? TableTransactionActionType.UpsertMerge : TableTransactionActionType.UpsertReplace;
        var transactions = 0;
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TableTransactionBatch.MaxActions))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(type, e)), cancellationToken).ConfigureAwait(false);
                transactions++;
            }
        }

        return transactions;
    }
}
