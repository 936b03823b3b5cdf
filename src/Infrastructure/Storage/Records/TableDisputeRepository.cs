using Azure.Data.Tables;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Disputes;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>Disputes: partitioned by EN.</summary>
internal sealed class TableDisputeRepository(RecordTables tables) : IDisputeRepository
{
    public Task<Dispute?> FindAsync(string enPid, string disputeId, CancellationToken cancellationToken) =>
        tables.Disputes.GetAsync<Dispute>(TableKeys.Create(enPid), TableKeys.Create(disputeId), cancellationToken);

    public Task AddAsync(Dispute dispute, CancellationToken cancellationToken) =>
        tables.Disputes.AddAsync(TableKeys.Create(dispute.EnPid), TableKeys.Create(dispute.DisputeId), dispute, $"Dispute {dispute.DisputeId}", cancellationToken);

    public Task UpsertAsync(Dispute dispute, CancellationToken cancellationToken) =>
        tables.Disputes.UpsertAsync(TableKeys.Create(dispute.EnPid), TableKeys.Create(dispute.DisputeId), dispute, cancellationToken);

    public async Task<IReadOnlyList<Dispute>> ListAsync(string enPid, CancellationToken cancellationToken) =>
        await tables.Disputes.QueryAsync<Dispute>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Create(enPid)}"), cancellationToken);
}
