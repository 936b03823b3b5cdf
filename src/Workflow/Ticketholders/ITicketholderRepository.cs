namespace TicketFlow.Workflow.Ticketholders;

/// <summary>Ticketholders: personal information, deleted when their records pass retention.</summary>
public interface ITicketholderRepository
{
    /// <summary>Finds a ticketholder.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketholderId">The ticketholder.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ticketholder, or null.</returns>
    Task<Ticketholder?> FindAsync(string enPid, string ticketholderId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a ticketholder.</summary>
    /// <param name="ticketholder">The ticketholder.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task UpsertAsync(Ticketholder ticketholder, CancellationToken cancellationToken);

    /// <summary>Deletes a ticketholder; deleting one that is gone is not an error.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketholderId">The ticketholder.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is gone.</returns>
    Task DeleteAsync(string enPid, string ticketholderId, CancellationToken cancellationToken);
}
