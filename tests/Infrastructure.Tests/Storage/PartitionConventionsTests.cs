using Azure;
using Azure.Data.Tables;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Testing.Fixtures;

namespace TicketFlow.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class PartitionConventionsTests(AzuriteFixture azurite)
{
    private sealed class DeadlineRecord : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;
        public string RowKey { get; set; } = string.Empty;
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public string TicketId { get; set; } = string.Empty;
        public string DueDate { get; set; } = string.Empty; // yyyy-MM-dd: the SDK maps no DateOnly
        public string Rule { get; set; } = string.Empty;
    }

    [Fact]
    public async Task Deadlines_due_in_a_date_range_for_one_en_come_back_in_date_order()
    {
        var table = await azurite.CreateTableAsync();
        var dates = new[] { "2026-02-27", "2026-03-01", "2026-03-01", "2026-03-15", "2026-03-31", "2026-04-01" }.Select(DateOnly.Parse).ToArray();
        for (var i = 0; i < dates.Length; i++)
        {
            foreach (var en in new[] { "EN/7", "EN-8" })
            {
                await table.AddEntityAsync(new DeadlineRecord
                {
                    PartitionKey = PartitionConventions.EmploymentNetworkDeadlines(en),
                    RowKey = PartitionConventions.DeadlineRow(dates[i], "d" + i),
                    TicketId = "T-" + i,
                    DueDate = dates[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Rule = "IwpSubmission",
                });
            }
        }

        var march = await table.QueryAsync<DeadlineRecord>(
            PartitionConventions.DeadlinesDueBetween("EN/7", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31))).ToListAsync();

        Assert.Equal(["T-1", "T-2", "T-3", "T-4"], march.Select(d => d.TicketId));
        Assert.All(march, d => Assert.Equal(PartitionConventions.EmploymentNetworkDeadlines("EN/7"), d.PartitionKey));
        Assert.Equal(march.Select(d => d.DueDate).Order(StringComparer.Ordinal), march.Select(d => d.DueDate));
    }

    [Fact]
    public async Task A_tickets_records_of_one_kind_are_a_prefix_range_and_all_of_them_one_partition()
    {
        var table = await azurite.CreateTableAsync();
        var partition = PartitionConventions.Ticket("T-9");
        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity(partition, PartitionConventions.TicketRow("contact", new DateOnly(2026, 1, 5), "c1"))),
            new(TableTransactionActionType.Add, new TableEntity(partition, PartitionConventions.TicketRow("contact", new DateOnly(2026, 2, 5), "c2"))),
            new(TableTransactionActionType.Add, new TableEntity(partition, PartitionConventions.TicketRow("contacts-archive", "0001", "x"))),
            new(TableTransactionActionType.Add, new TableEntity(partition, PartitionConventions.TicketRow("iwp", new DateOnly(2026, 1, 20), "i1"))),
        ]);
        await table.AddEntityAsync(new TableEntity(PartitionConventions.Ticket("T-10"), PartitionConventions.TicketRow("contact", "2026-01-01", "other")));

        var contacts = await table.QueryAsync<TableEntity>(PartitionConventions.TicketRecordsOfKind("T-9", "contact")).ToListAsync();
        var everything = await table.QueryAsync<TableEntity>(PartitionConventions.EverythingForTicket("T-9")).ToListAsync();

        Assert.Equal(["c1", "c2"], contacts.Select(c => TableKeys.Split(c.RowKey)[2]));
        Assert.Equal(4, everything.Count);
    }

    [Fact]
    public void A_reversed_range_is_refused() =>
        Assert.Throws<ArgumentException>(() => PartitionConventions.DeadlinesDueBetween("EN", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1)));
}
