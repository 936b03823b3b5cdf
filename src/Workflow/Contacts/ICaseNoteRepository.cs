namespace TicketFlow.Workflow.Contacts;

/// <summary>A ticket's case notes: the evidence of contact.</summary>
public interface ICaseNoteRepository
{
    /// <summary>Stores a case note; storing the same note id again replaces it (so a retried write is harmless).</summary>
    /// <param name="note">The note.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task UpsertAsync(CaseNote note, CancellationToken cancellationToken);

    /// <summary>Finds one case note.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="noteId">The note.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The note, or null.</returns>
    Task<CaseNote?> FindAsync(string enPid, string ticketNumber, string noteId, CancellationToken cancellationToken);

    /// <summary>Lists a ticket's case notes in date order.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="from">The first date to include, or null for the first note.</param>
    /// <param name="to">The last date to include, or null for the last note.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The notes, oldest first.</returns>
    Task<IReadOnlyList<CaseNote>> ListAsync(string enPid, string ticketNumber, DateOnly? from, DateOnly? to, CancellationToken cancellationToken);

    /// <summary>Deletes every case note of a ticket.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many notes were deleted.</returns>
    Task<int> DeleteAllAsync(string enPid, string ticketNumber, CancellationToken cancellationToken);
}
