using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Earnings;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>Monthly earnings: rows of the ticket's partition keyed by month, so recording a month again replaces it.</summary>
internal sealed class TableEarningsRepository(RecordTables tables) : IEarningsRepository
{
    public Task UpsertAsync(MonthlyEarnings earnings, CancellationToken cancellationToken) =>
        tables.Tickets.UpsertAsync(TicketPartition.Key(earnings.EnPid, earnings.TicketNumber), TicketPartition.EarningsPrefix + earnings.MonthKey, earnings, cancellationToken);

    public async Task<IReadOnlyList<MonthlyEarnings>> ListAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        [.. (await tables.Tickets.QueryAsync<MonthlyEarnings>(RecordTable.RowsStartingWith(TicketPartition.Key(enPid, ticketNumber), TicketPartition.EarningsPrefix), cancellationToken))
            .OrderBy(e => e.Month)];

    public Task<int> DeleteAllAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        tables.Tickets.DeleteWhereAsync(RecordTable.RowsStartingWith(TicketPartition.Key(enPid, ticketNumber), TicketPartition.EarningsPrefix), cancellationToken);
}
