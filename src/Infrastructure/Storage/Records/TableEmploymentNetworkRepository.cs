using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.EmploymentNetworks;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>ENs and their staff: one partition per EN (the EN's row and one row per staff member).</summary>
internal sealed class TableEmploymentNetworkRepository(RecordTables tables) : IEmploymentNetworkRepository
{
    private const string EnRow = "en";
    private const string StaffPrefix = "staff|";

    public Task<EmploymentNetwork?> FindAsync(string enPid, CancellationToken cancellationToken) =>
        tables.EmploymentNetworks.GetAsync<EmploymentNetwork>(TableKeys.Create(enPid), EnRow, cancellationToken);

    public Task AddAsync(EmploymentNetwork employmentNetwork, CancellationToken cancellationToken) =>
        tables.EmploymentNetworks.AddAsync(TableKeys.Create(employmentNetwork.Pid), EnRow, employmentNetwork,
            $"An EN with PID {employmentNetwork.Pid}", cancellationToken);

    public Task UpsertStaffAsync(StaffMember staffMember, CancellationToken cancellationToken) =>
        tables.EmploymentNetworks.UpsertAsync(TableKeys.Create(staffMember.EnPid), StaffPrefix + TableKeys.Escape(staffMember.StaffId), staffMember, cancellationToken);

    public async Task<IReadOnlyList<StaffMember>> ListStaffAsync(string enPid, CancellationToken cancellationToken) =>
        await tables.EmploymentNetworks.QueryAsync<StaffMember>(RecordTable.RowsStartingWith(TableKeys.Create(enPid), StaffPrefix), cancellationToken);
}
