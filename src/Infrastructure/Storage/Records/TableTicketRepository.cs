using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>Tickets: the ticket row of each ticket's partition.</summary>
internal sealed class TableTicketRepository(RecordTables tables) : ITicketRepository
{
    public Task<Ticket?> FindAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        tables.Tickets.GetAsync<Ticket>(TicketPartition.Key(enPid, ticketNumber), TicketPartition.TicketRow, cancellationToken);

    public Task AddAsync(Ticket ticket, CancellationToken cancellationToken) =>
        tables.Tickets.AddAsync(TicketPartition.Key(ticket.EnPid, ticket.TicketNumber), TicketPartition.TicketRow, ticket,
            $"Ticket {ticket.TicketNumber}", cancellationToken);

    public Task UpsertAsync(Ticket ticket, CancellationToken cancellationToken) =>
        tables.Tickets.UpsertAsync(TicketPartition.Key(ticket.EnPid, ticket.TicketNumber), TicketPartition.TicketRow, ticket, cancellationToken);

    public async Task<IReadOnlyList<Ticket>> ListAsync(string enPid, CancellationToken cancellationToken) =>
        [.. (await tables.Tickets.QueryAsync<Ticket>(TicketPartition.OfEn(enPid), cancellationToken))
            .Where(t => t.EnPid == enPid).OrderBy(t => t.TicketNumber, StringComparer.Ordinal)];
}
