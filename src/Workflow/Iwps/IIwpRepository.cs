namespace TicketFlow.Workflow.Iwps;

/// <summary>A ticket's IWPs and amendments.</summary>
public interface IIwpRepository
{
    /// <summary>Stores an IWP or amendment record; the same id again replaces it.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task UpsertAsync(IwpRecord record, CancellationToken cancellationToken);

    /// <summary>Finds one record.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="iwpId">The record.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null.</returns>
    Task<IwpRecord?> FindAsync(string enPid, string ticketNumber, string iwpId, CancellationToken cancellationToken);

    /// <summary>Lists a ticket's IWPs and amendments in the order they were recorded.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<IwpRecord>> ListAsync(string enPid, string ticketNumber, CancellationToken cancellationToken);

    /// <summary>Deletes every IWP record of a ticket (the documents are deleted through the document store).</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many records were deleted.</returns>
    Task<int> DeleteAllAsync(string enPid, string ticketNumber, CancellationToken cancellationToken);
}
