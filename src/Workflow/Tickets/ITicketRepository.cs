namespace TicketFlow.Workflow.Tickets;

/// <summary>Tickets as the records show them (the orchestration owns the live state and writes it here).</summary>
public interface ITicketRepository
{
    /// <summary>Finds a ticket.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ticket, or null.</returns>
    Task<Ticket?> FindAsync(string enPid, string ticketNumber, CancellationToken cancellationToken);

    /// <summary>Registers a ticket.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    /// <exception cref="RecordAlreadyExistsException">The EN already has a ticket with this number.</exception>
    Task AddAsync(Ticket ticket, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a ticket.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task UpsertAsync(Ticket ticket, CancellationToken cancellationToken);

    /// <summary>Lists an EN's tickets.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tickets, by number.</returns>
    Task<IReadOnlyList<Ticket>> ListAsync(string enPid, CancellationToken cancellationToken);
}
