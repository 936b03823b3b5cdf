using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Ticketholders;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>Ticketholders: partitioned by EN.</summary>
internal sealed class TableTicketholderRepository(RecordTables tables) : ITicketholderRepository
{
    public Task<Ticketholder?> FindAsync(string enPid, string ticketholderId, CancellationToken cancellationToken) =>
        tables.Ticketholders.GetAsync<Ticketholder>(TableKeys.Create(enPid), TableKeys.Create(ticketholderId), cancellationToken);

    public Task UpsertAsync(Ticketholder ticketholder, CancellationToken cancellationToken) =>
        tables.Ticketholders.UpsertAsync(TableKeys.Create(ticketholder.EnPid), TableKeys.Create(ticketholder.TicketholderId), ticketholder, cancellationToken);

    public Task DeleteAsync(string enPid, string ticketholderId, CancellationToken cancellationToken) =>
        tables.Ticketholders.DeleteAsync(TableKeys.Create(enPid), TableKeys.Create(ticketholderId), cancellationToken);
}
