using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Contacts;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>
/// Case notes: rows of the ticket's partition keyed by note id (so a retried write replaces the same row); a ticket
/// has at most a few hundred notes, so date windows are applied after the one-partition read.
/// </summary>
internal sealed class TableCaseNoteRepository(RecordTables tables) : ICaseNoteRepository
{
    public Task UpsertAsync(CaseNote note, CancellationToken cancellationToken) =>
        tables.Tickets.UpsertAsync(TicketPartition.Key(note.EnPid, note.TicketNumber), TicketPartition.NotePrefix + TableKeys.Escape(note.NoteId), note, cancellationToken);

    public Task<CaseNote?> FindAsync(string enPid, string ticketNumber, string noteId, CancellationToken cancellationToken) =>
        tables.Tickets.GetAsync<CaseNote>(TicketPartition.Key(enPid, ticketNumber), TicketPartition.NotePrefix + TableKeys.Escape(noteId), cancellationToken);

    public async Task<IReadOnlyList<CaseNote>> ListAsync(string enPid, string ticketNumber, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        [.. (await tables.Tickets.QueryAsync<CaseNote>(RecordTable.RowsStartingWith(TicketPartition.Key(enPid, ticketNumber), TicketPartition.NotePrefix), cancellationToken))
            .Where(n => (from is null || n.On >= from) && (to is null || n.On <= to))
            .OrderBy(n => n.On).ThenBy(n => n.NoteId, StringComparer.Ordinal)];

    public Task<int> DeleteAllAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        tables.Tickets.DeleteWhereAsync(RecordTable.RowsStartingWith(TicketPartition.Key(enPid, ticketNumber), TicketPartition.NotePrefix), cancellationToken);
}
