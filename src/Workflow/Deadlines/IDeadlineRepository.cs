namespace TicketFlow.Workflow.Deadlines;

/// <summary>
/// Deadline records, kept so that an EN's due dates are one query: stored by EN and ordered by due date.
/// A record's identity is (EN, subject, rule, clock start), which fixes its due date; writing it again updates its state.
/// </summary>
public interface IDeadlineRepository
{
    /// <summary>
    /// Adds deadlines or updates their states, together: what one event changed (a period met and the next one opened)
    /// is stored all at once or not at all, so no reader sees one change without the other. Where the same deadline
    /// appears twice, the later record wins, as writing them in order would.
    /// </summary>
    /// <param name="deadlines">The records, of one EN.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when they are stored.</returns>
    Task UpsertAsync(IReadOnlyList<DeadlineRecord> deadlines, CancellationToken cancellationToken);

    /// <summary>The EN's deadlines due in a date range, with the query's filters, by due date.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The deadlines.</returns>
    Task<IReadOnlyList<DeadlineRecord>> QueryAsync(DeadlineQuery query, CancellationToken cancellationToken);

    /// <summary>Every deadline of one subject (a ticket, dispute or review), by due date.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="subjectId">The subject.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The deadlines.</returns>
    Task<IReadOnlyList<DeadlineRecord>> ListForSubjectAsync(string enPid, string subjectId, CancellationToken cancellationToken);

    /// <summary>Deletes every deadline of one subject.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="subjectId">The subject.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteForSubjectAsync(string enPid, string subjectId, CancellationToken cancellationToken);
}
