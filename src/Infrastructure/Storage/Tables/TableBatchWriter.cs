using Azure;
using Azure.Data.Tables;

namespace TicketFlow.Infrastructure.Storage.Tables;

/// <summary>
/// Entity group transactions through Azure.Data.Tables with the service's rules checked before anything is sent (the
/// SDK leaves them to the service): at most 100 actions and 4 MiB, all in one partition, each row once, each entity
/// within <see cref="TableEntityLimits"/>. <see cref="UpsertManyAsync"/> writes many entities with as few transactions
/// as allowed.
/// </summary>
public static class TableBatchWriter
{
    /// <summary>The most actions one entity group transaction may hold.</summary>
    public const int MaxActions = 100;

    /// <summary>The largest payload of one entity group transaction (4 MiB).</summary>
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    // Each action is a part of the multipart body with its own request line and headers (the entity's URL, content
    // type, ids): counted generously, so that a transaction this check accepts is never refused for its size.
    private const int ActionOverheadBytes = 2048;

    /// <summary>Submits one all-or-nothing transaction after checking it.</summary>
    /// <param name="table">The table.</param>
    /// <param name="actions">At most 100 actions on one partition.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service's answers, one per action.</returns>
    /// <exception cref="ArgumentException">Empty, over 100 actions or 4 MiB, more than one partition, a row twice, or an entity over a limit; nothing was sent.</exception>
    /// <exception cref="TableTransactionFailedException">The service refused an action; none was applied.</exception>
    public static async Task<Response<IReadOnlyList<Response>>> SubmitCheckedTransactionAsync(
        this TableClient table, IReadOnlyCollection<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        Check(actions);
        return await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Upserts every entity; returns how many requests were sent (a transaction each, or a plain upsert for a lone entity).</summary>
    /// <param name="table">The table.</param>
    /// <param name="entities">The entities (any partitions; a row may appear once).</param>
    /// <param name="mode">Merge or Replace.</param>
    /// <param name="cancellationToken">Cancels the remaining transactions.</param>
    /// <returns>The number of requests sent.</returns>
    /// <remarks>Each request is atomic; the whole call is not (a failure leaves the earlier transactions applied), so use it for idempotent upserts such as imports and deadline projections.</remarks>
    public static async Task<int> UpsertManyAsync(this TableClient table, IEnumerable<ITableEntity> entities, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entities);
        var type = mode == TableUpdateMode.Merge ? TableTransactionActionType.UpsertMerge : TableTransactionActionType.UpsertReplace;
        var transactions = 0;
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in Transactions(partition))
            {
                // A lone entity needs no transaction: a plain upsert is as atomic and costs the service and the SDK
                // less. Transactions() has checked its size and keys.
                if (chunk.Count == 1)
                {
                    await table.UpsertEntityAsync(chunk[0], mode, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.SubmitCheckedTransactionAsync([.. chunk.Select(e => new TableTransactionAction(type, e))], cancellationToken).ConfigureAwait(false);
                }

                transactions++;
            }
        }

        return transactions;
    }

    /// <summary>Deletes the given rows of one table in transactions of at most 100 per partition, whatever their ETags.</summary>
    /// <param name="table">The table.</param>
    /// <param name="keys">The rows (any partitions; each row once).</param>
    /// <param name="cancellationToken">Cancels the remaining transactions.</param>
    /// <returns>The number of transactions sent.</returns>
    public static async Task<int> DeleteManyAsync(this TableClient table, IEnumerable<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keys);
        var transactions = 0;
        foreach (var partition in keys.GroupBy(k => k.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxActions))
            {
                await table.SubmitCheckedTransactionAsync(
                    [.. chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.PartitionKey, k.RowKey), ETag.All))],
                    cancellationToken).ConfigureAwait(false);
                transactions++;
            }
        }

        return transactions;
    }

    /// <summary>One partition's entities in order, cut into transactions within both the action and the byte limit.</summary>
    private static IEnumerable<List<ITableEntity>> Transactions(IEnumerable<ITableEntity> partition)
    {
        var chunk = new List<ITableEntity>();
        long bytes = 0;
        foreach (var entity in partition)
        {
            var size = Size(entity);
            if (chunk.Count == MaxActions || (chunk.Count > 0 && bytes + size > MaxTransactionBytes))
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }

            chunk.Add(entity);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>An action's share of a transaction's payload, after checking the entity's keys and limits.</summary>
    private static long Size(ITableEntity entity)
    {
        if (entity is TableEntity e)
        {
            return ActionOverheadBytes + TableEntityLimits.Validate(e);
        }

        TableKeys.Validate(entity.PartitionKey, "PartitionKey");
        TableKeys.Validate(entity.RowKey, "RowKey");
        return ActionOverheadBytes;
    }

    private static void Check(IReadOnlyCollection<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > MaxActions)
        {
            throw new ArgumentException(
                $"A transaction holds at most {MaxActions} actions; this one has {actions.Count}. Nothing was sent: split it (UpsertManyAsync does).",
                nameof(actions));
        }

        var partition = actions.First().Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Every action of a transaction must be in one partition; '{action.Entity.PartitionKey}' differs from '{partition}'. Nothing was sent.",
                    nameof(actions));
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"The row '{action.Entity.RowKey}' appears twice in one transaction. Nothing was sent.", nameof(actions));
            }

            bytes += Size(action.Entity);
        }

        if (bytes > MaxTransactionBytes)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"A transaction's payload is at most {MaxTransactionBytes:N0} bytes (4 MiB); these {actions.Count} actions measure about {bytes:N0}. Nothing was sent: split it (UpsertManyAsync does)."),
                nameof(actions));
        }
    }
}
