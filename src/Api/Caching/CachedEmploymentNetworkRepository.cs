using TicketFlow.Workflow.EmploymentNetworks;

namespace TicketFlow.Api.Caching;

/// <summary>
/// EN records, read through a short cache: nearly every request reads its EN's time zone and settings, which are
/// written once at registration. Staff lists are always read from storage.
/// </summary>
internal sealed class CachedEmploymentNetworkRepository(IEmploymentNetworkRepository inner, ExpiringCache<EmploymentNetwork> cache) : IEmploymentNetworkRepository
{
    public Task<EmploymentNetwork?> FindAsync(string enPid, CancellationToken cancellationToken) =>
        cache.GetAsync(enPid, ct => inner.FindAsync(enPid, ct), cancellationToken);

    public async Task AddAsync(EmploymentNetwork employmentNetwork, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employmentNetwork);
        await inner.AddAsync(employmentNetwork, cancellationToken);
        cache.Forget(employmentNetwork.Pid);
    }

    public Task UpsertStaffAsync(StaffMember staffMember, CancellationToken cancellationToken) => inner.UpsertStaffAsync(staffMember, cancellationToken);

    public Task<IReadOnlyList<StaffMember>> ListStaffAsync(string enPid, CancellationToken cancellationToken) => inner.ListStaffAsync(enPid, cancellationToken);
}
