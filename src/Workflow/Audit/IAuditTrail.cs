namespace TicketFlow.Workflow.Audit;

/// <summary>The audit trail: append-only, by EN.</summary>
public interface IAuditTrail
{
    /// <summary>Appends an entry; appending the same entry id again changes nothing.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The EN's entries in a time range, oldest first.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="from">The first instant to include.</param>
    /// <param name="to">The instant to stop before.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string enPid, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
