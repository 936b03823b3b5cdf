using Microsoft.Extensions.Options;
using TicketFlow.Functions.Storage.Tables;

namespace TicketFlow.Functions.Storage.Records;

/// <summary>The record tables, named with the configured prefix.</summary>
internal sealed class RecordTables(TableServiceClient service, IOptions<RecordStoreOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;

    public RecordTable EmploymentNetworks => new(service, _prefix + "EmploymentNetworks");

    public RecordTable Ticketholders => new(service, _prefix + "Ticketholders");

    public RecordTable Tickets => new(service, _prefix + "Tickets");

    public RecordTable Deadlines => new(service, _prefix + "Deadlines");

    public RecordTable Audit => new(service, _prefix + "Audit");

    public RecordTable Disputes => new(service, _prefix + "Disputes");

    public RecordTable Reviews => new(service, _prefix + "Reviews");

    public RecordTable ApiKeys => new(service, _prefix + "ApiKeys");

    public RecordTable Idempotency => new(service, _prefix + "Idempotency");
}
