using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Testing.Fixtures;

namespace TicketFlow.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableBatchWriterTests(AzuriteFixture azurite)
{
    private static string Row(int i) => i.ToString("D3", CultureInfo.InvariantCulture);

    private async Task<(TableClient Table, RequestCounter Requests)> CountedTableAsync()
    {
        var requests = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerCall);
        return (await azurite.CreateTableAsync(options: options), requests);
    }

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

    [Fact]
    public async Task A_100_action_transaction_applies_every_action()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("t", "000") { ["V"] = "old" });
        await table.AddEntityAsync(new TableEntity("t", "001") { ["V"] = "old" });
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, new TableEntity("t", "000") { ["V"] = "new" }),
            new(TableTransactionActionType.Delete, new TableEntity("t", "001")),
        };
        actions.AddRange(Enumerable.Range(2, 98).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("t", Row(i)) { ["V"] = "new" })));

        var result = await table.SubmitCheckedTransactionAsync(actions);

        Assert.Equal(100, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(99, stored.Count);
        Assert.All(stored, e => Assert.Equal("new", e.GetString("V")));
        Assert.DoesNotContain(stored, e => e.RowKey == "001");
    }

    [Fact]
    public async Task A_transaction_with_one_failing_action_applies_nothing_and_names_the_action()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("t", "050") { ["V"] = "existing" });
        var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("t", Row(i)) { ["V"] = "new" })).ToList();

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitCheckedTransactionAsync(actions));

        Assert.Equal(409, e.Status);
        Assert.Equal(50, e.FailedTransactionActionIndex);
        var stored = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal("existing", stored.GetString("V"));
    }

    [Fact]
    public async Task A_101st_action_is_refused_before_anything_is_sent()
    {
        var (table, requests) = await CountedTableAsync();
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("t", Row(i)))).ToList();
        var before = requests.Count;

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitCheckedTransactionAsync(actions));

        Assert.Contains("at most 100", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, requests.Count);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task Two_partitions_a_repeated_row_or_an_oversized_entity_are_refused_before_anything_is_sent()
    {
        var (table, requests) = await CountedTableAsync();
        TableTransactionAction Add(string partition, string row, string? notes = null) =>
            new(TableTransactionActionType.Add, notes is null ? new TableEntity(partition, row) : new TableEntity(partition, row) { ["Notes"] = notes });
        var before = requests.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitCheckedTransactionAsync([Add("a", "1"), Add("b", "1")]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitCheckedTransactionAsync([Add("a", "1"), Add("a", "1")]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitCheckedTransactionAsync([Add("a", "1", new string('x', TableEntityLimits.MaxStringChars + 1))]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitCheckedTransactionAsync([Add("a/b", "1")]));

        Assert.Equal(before, requests.Count);
    }

    [Fact]
    public async Task A_transaction_over_4_MiB_is_refused_before_anything_is_sent_and_many_large_entities_are_split_to_fit()
    {
        var (table, requests) = await CountedTableAsync();
        // Five entities of about 900 KB each as the service counts them (UTF-16): within 1 MiB each, 4.4 MB together.
        var entities = Enumerable.Range(0, 5).Select(i =>
        {
            var entity = new TableEntity("t", Row(i));
            for (var p = 0; p < 28; p++)
            {
                entity[$"Part{p}"] = new string((char)('a' + p), 16 * 1024);
            }

            return entity;
        }).ToList();
        var before = requests.Count;

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            table.SubmitCheckedTransactionAsync([.. entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))]));
        Assert.Contains("4 MiB", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, requests.Count);

        var transactions = await table.UpsertManyAsync(entities, TableUpdateMode.Replace);

        Assert.Equal(2, transactions);
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(5, stored.Count);
        Assert.All(stored, e => Assert.Equal(new string((char)('a' + 27), 16 * 1024), e.GetString("Part27")));
    }

    [Theory]
    [InlineData("ticket/1")]
    [InlineData("ticket\\1")]
    [InlineData("ticket#1")]
    [InlineData("ticket?1")]
    [InlineData("ticket\u00011")]
    [InlineData("ticket\u007F1")]
    public async Task A_forbidden_key_character_is_refused_before_a_request_and_the_escaped_key_works(string raw)
    {
        var (table, requests) = await CountedTableAsync();
        var before = requests.Count;

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitCheckedTransactionAsync([new(TableTransactionActionType.Add, new TableEntity(raw, "r"))]));
        var sent = requests.Count - before;
        await table.SubmitCheckedTransactionAsync([new(TableTransactionActionType.Add, new TableEntity(TableKeys.Create(raw), "r"))]);

        Assert.Equal(0, sent);
        Assert.Contains("does not allow", e.Message, StringComparison.Ordinal);
        var stored = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(raw, TableKeys.Split(stored.PartitionKey).Single());
    }

    [Fact]
    public async Task Deleting_many_rows_goes_in_transactions_and_a_stale_etag_update_is_a_412()
    {
        var table = await azurite.CreateTableAsync();
        await table.UpsertManyAsync(Enumerable.Range(0, 150).Select(i => new TableEntity("t", Row(i)) { ["Status"] = "draft" }));
        var first = (await table.GetEntityAsync<TableEntity>("t", "000")).Value;
        var second = (await table.GetEntityAsync<TableEntity>("t", "000")).Value;
        first["Status"] = "signed";
        await table.UpdateEntityAsync(first, first.ETag, TableUpdateMode.Replace);
        second["Status"] = "withdrawn";

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(second, second.ETag, TableUpdateMode.Replace));
        var transactions = await table.DeleteManyAsync(Enumerable.Range(1, 149).Select(i => ("t", Row(i))));

        Assert.Equal(412, stale.Status);
        Assert.Equal(2, transactions);
        var left = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal("signed", left.GetString("Status"));
    }
}
