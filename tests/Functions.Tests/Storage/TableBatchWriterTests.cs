using System.Globalization;
using TicketFlow.Functions.Storage.Tables;
using TicketFlow.Functions.Tests.Fixtures;

namespace TicketFlow.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableBatchWriterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Many_entities_go_in_transactions_of_at_most_100_per_partition()
    {
        var table = await azurite.CreateTableAsync();
        var entities = new[] { ("a", 250), ("b", 100), ("c", 1) }
            .SelectMany(p => Enumerable.Range(0, p.Item2).Select(i => new TableEntity(p.Item1, i.ToString("D4", CultureInfo.InvariantCulture)) { ["V"] = i }))
            .ToList();

        var transactions = await table.UpsertManyAsync(entities);
        var again = await table.UpsertManyAsync(entities); // idempotent

        Assert.Equal(3 + 1 + 1, transactions);
        Assert.Equal(transactions, again);
        Assert.Equal(351, (await table.QueryAsync<TableEntity>().ToListAsync()).Count);
    }
}
