namespace TicketFlow.Workflow.Disputes;

/// <summary>An EN's disputes with State VR agencies.</summary>
public interface IDisputeRepository
{
    /// <summary>Finds a dispute.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="disputeId">The dispute.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The dispute, or null.</returns>
    Task<Dispute?> FindAsync(string enPid, string disputeId, CancellationToken cancellationToken);

    /// <summary>Records a new dispute request.</summary>
    /// <param name="dispute">The dispute.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    /// <exception cref="RecordAlreadyExistsException">The EN already has a dispute with this id.</exception>
    Task AddAsync(Dispute dispute, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a dispute.</summary>
    /// <param name="dispute">The dispute.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task UpsertAsync(Dispute dispute, CancellationToken cancellationToken);

    /// <summary>Lists an EN's disputes.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The disputes, by id.</returns>
    Task<IReadOnlyList<Dispute>> ListAsync(string enPid, CancellationToken cancellationToken);
}
