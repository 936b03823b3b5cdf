using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Iwps;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>IWP and amendment records: rows of the ticket's partition.</summary>
internal sealed class TableIwpRepository(RecordTables tables) : IIwpRepository
{
    public Task UpsertAsync(IwpRecord record, CancellationToken cancellationToken) =>
        tables.Tickets.UpsertAsync(TicketPartition.Key(record.EnPid, record.TicketNumber), Row(record.IwpId), record, cancellationToken);

    public Task<IwpRecord?> FindAsync(string enPid, string ticketNumber, string iwpId, CancellationToken cancellationToken) =>
        tables.Tickets.GetAsync<IwpRecord>(TicketPartition.Key(enPid, ticketNumber), Row(iwpId), cancellationToken);

    public async Task<IReadOnlyList<IwpRecord>> ListAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        [.. (await tables.Tickets.QueryAsync<IwpRecord>(RecordTable.RowsStartingWith(TicketPartition.Key(enPid, ticketNumber), TicketPartition.IwpPrefix), cancellationToken))
            .OrderBy(r => r.RecordedAt)];

    public Task<int> DeleteAllAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        tables.Tickets.DeleteWhereAsync(RecordTable.RowsStartingWith(TicketPartition.Key(enPid, ticketNumber), TicketPartition.IwpPrefix), cancellationToken);

    private static string Row(string iwpId) => TicketPartition.IwpPrefix + TableKeys.Escape(iwpId);
}
