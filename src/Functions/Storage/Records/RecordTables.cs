using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace TicketFlow.Functions.Storage.Records;

/// <summary>
/// The record tables, named with the configured prefix, and the container for records too large for an entity
/// (<c>{prefix}-records</c>, lower case, created when the first one is written).
/// </summary>
internal sealed class RecordTables(TableServiceClient service, BlobServiceClient blobs, IOptions<RecordStoreOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;
    private readonly BlobContainerClient _overflow = blobs.GetBlobContainerClient(options.Value.TablePrefix.ToLowerInvariant() + "-records");

    public RecordTable EmploymentNetworks => Table("EmploymentNetworks");

    public RecordTable Ticketholders => Table("Ticketholders");

    public RecordTable Tickets => Table("Tickets");

    public RecordTable Deadlines => Table("Deadlines");

    public RecordTable Audit => Table("Audit");

    public RecordTable Disputes => Table("Disputes");

    public RecordTable Reviews => Table("Reviews");

    public RecordTable ApiKeys => Table("ApiKeys");

    public RecordTable Idempotency => Table("Idempotency");

    private RecordTable Table(string name) => new(service, _overflow, _prefix + name);
}
