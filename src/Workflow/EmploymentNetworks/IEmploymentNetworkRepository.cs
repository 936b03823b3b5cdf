namespace TicketFlow.Workflow.EmploymentNetworks;

/// <summary>The ENs and their staff.</summary>
public interface IEmploymentNetworkRepository
{
    /// <summary>Finds an EN.</summary>
    /// <param name="enPid">The EN's PID.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The EN, or null.</returns>
    Task<EmploymentNetwork?> FindAsync(string enPid, CancellationToken cancellationToken);

    /// <summary>Registers an EN.</summary>
    /// <param name="employmentNetwork">The EN.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    /// <exception cref="RecordAlreadyExistsException">An EN with this PID is registered.</exception>
    Task AddAsync(EmploymentNetwork employmentNetwork, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a staff member.</summary>
    /// <param name="staffMember">The staff member.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task UpsertStaffAsync(StaffMember staffMember, CancellationToken cancellationToken);

    /// <summary>Lists an EN's staff.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The staff, by id.</returns>
    Task<IReadOnlyList<StaffMember>> ListStaffAsync(string enPid, CancellationToken cancellationToken);
}
