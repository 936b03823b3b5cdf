using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>
/// The record tables, named with the configured prefix, and the container for records too large for an entity
/// (<c>{prefix}-records</c>, lower case, created when the first one is written).
/// </summary>
internal sealed class RecordTables
{
    public RecordTables(TableServiceClient service, BlobServiceClient blobs, IOptions<RecordStoreOptions> options)
    {
        var prefix = options.Value.TablePrefix;
        var overflow = blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + "-records");
        RecordTable Table(string name) => new(service, overflow, prefix + name);
        EmploymentNetworks = Table("EmploymentNetworks");
        Ticketholders = Table("Ticketholders");
        Tickets = Table("Tickets");
        Deadlines = Table("Deadlines");
        Audit = Table("Audit");
        Disputes = Table("Disputes");
        Reviews = Table("Reviews");
        ApiKeys = Table("ApiKeys");
        Idempotency = Table("Idempotency");
    }

    public RecordTable EmploymentNetworks { get; }

    public RecordTable Ticketholders { get; }

    public RecordTable Tickets { get; }

    public RecordTable Deadlines { get; }

    public RecordTable Audit { get; }

    public RecordTable Disputes { get; }

    public RecordTable Reviews { get; }

    public RecordTable ApiKeys { get; }

    public RecordTable Idempotency { get; }
}
