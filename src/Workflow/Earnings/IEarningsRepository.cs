namespace TicketFlow.Workflow.Earnings;

/// <summary>A ticket's monthly earnings records.</summary>
public interface IEarningsRepository
{
    /// <summary>Stores a month's earnings; storing the same month again replaces it (a correction, or a retried write).</summary>
    /// <param name="earnings">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task UpsertAsync(MonthlyEarnings earnings, CancellationToken cancellationToken);

    /// <summary>A ticket's earnings, oldest month first.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<MonthlyEarnings>> ListAsync(string enPid, string ticketNumber, CancellationToken cancellationToken);

    /// <summary>Deletes every earnings record of a ticket.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteAllAsync(string enPid, string ticketNumber, CancellationToken cancellationToken);
}
