using Azure.Data.Tables;
using System.Globalization;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Audit;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>
/// The audit trail: one partition per EN, rows ordered by time (UTC ticks) then entry id. An entry's time and id are
/// fixed by whoever writes it, so appending it again writes the same row.
/// </summary>
internal sealed class TableAuditTrail(RecordTables tables) : IAuditTrail
{
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        tables.Audit.UpsertAsync(TableKeys.Create(entry.EnPid), Row(entry.At, entry.EntryId), entry, cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string enPid, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKeys.Create(enPid)} and RowKey ge {Ticks(from)} and RowKey lt {Ticks(to)}");
        return [.. (await tables.Audit.QueryAsync<AuditEntry>(filter, cancellationToken)).OrderBy(a => a.At)];
    }

    private static string Row(DateTimeOffset at, string entryId) => TableKeys.Create(Ticks(at), entryId);

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
