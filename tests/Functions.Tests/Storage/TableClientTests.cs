using System.Globalization;
using Azure;
using TicketFlow.Functions.Storage.Tables;
using TicketFlow.Functions.Tests.Fixtures;

namespace TicketFlow.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private sealed class ContactAttemptRecord : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;
        public string RowKey { get; set; } = string.Empty;
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public DateOnly AttemptedOn { get; set; }
        public string Method { get; set; } = string.Empty;
        public bool TwoWay { get; set; }
        public int AttemptNumber { get; set; }
        public long Sequence { get; set; }
        public double HoursSpent { get; set; }
        public DateTimeOffset RecordedAt { get; set; }
        public Guid StaffId { get; set; }
        public byte[]? Attachment { get; set; }
        public DayOfWeek Day { get; set; }
        public string? Notes { get; set; }
    }

    [Fact]
    public async Task Added_entity_reads_back_with_every_property_type_and_an_etag()
    {
        var table = await azurite.CreateTableAsync();
        var record = new ContactAttemptRecord
        {
            PartitionKey = TableKeys.Create("ticket", "T-1"),
            RowKey = TableKeys.Create("contact", "2026-03-02", "A/1"),
            AttemptedOn = new DateOnly(2026, 3, 2),
            Method = "phone",
            TwoWay = true,
            AttemptNumber = 3,
            Sequence = 9_000_000_000L,
            HoursSpent = 2.0,
            RecordedAt = new DateTimeOffset(2026, 3, 2, 15, 4, 5, 123, TimeSpan.FromHours(-5)),
            StaffId = Guid.NewGuid(),
            Attachment = [1, 2, 3, 255],
            Day = DayOfWeek.Monday,
            Notes = "Talked about the IWP's short-term goal; it's \"on track\".",
        };

        var added = await table.AddEntityAsync(record);
        var read = (await table.GetEntityAsync<ContactAttemptRecord>(record.PartitionKey, record.RowKey)).Value;

        Assert.Equal(204, added.Status);
        Assert.Equal(added.Headers.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal(record.AttemptedOn, read.AttemptedOn);
        Assert.Equal(record.Method, read.Method);
        Assert.True(read.TwoWay);
        Assert.Equal(3, read.AttemptNumber);
        Assert.Equal(9_000_000_000L, read.Sequence);
        Assert.Equal(2.0, read.HoursSpent);
        Assert.Equal(record.RecordedAt, read.RecordedAt);
        Assert.Equal(record.StaffId, read.StaffId);
        Assert.Equal(record.Attachment, read.Attachment);
        Assert.Equal(DayOfWeek.Monday, read.Day);
        Assert.Equal(record.Notes, read.Notes);
        Assert.Equal(["ticket", "T-1"], TableKeys.Split(read.PartitionKey));
        Assert.Equal(["contact", "2026-03-02", "A/1"], TableKeys.Split(read.RowKey));
    }

    [Fact]
    public async Task Missing_and_null_properties_read_as_null_not_as_zero()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Zero"] = 0, ["Empty"] = null, ["No"] = false });

        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal(0, read.GetInt32("Zero"));
        Assert.False(read.GetBoolean("No"));
        Assert.Null(read.GetInt32("Missing"));
        Assert.Null(read.GetBoolean("Empty"));
        Assert.Null(read.GetDateTimeOffset("Missing"));
    }

    [Fact]
    public async Task Adding_an_existing_entity_is_a_conflict()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 });

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }));

        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_replace_drops_them()
    {
        var table = await azurite.CreateTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["A"] = "a", ["B"] = "b" });
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["B"] = "b2" }, TableUpdateMode.Merge);
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["B"] = "b2" }, TableUpdateMode.Replace);

        var merged = (await table.GetEntityAsync<TableEntity>("p", "merge")).Value;
        var replaced = (await table.GetEntityAsync<TableEntity>("p", "replace")).Value;
        Assert.Equal(("a", "b2"), (merged.GetString("A"), merged.GetString("B")));
        Assert.Equal((null, "b2"), (replaced.GetString("A"), replaced.GetString("B")));
    }

    [Fact]
    public async Task Update_with_a_stale_etag_fails_with_412_and_leaves_the_newer_write()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Status"] = "draft" });
        var first = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        var second = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        first["Status"] = "signed";
        var ok = await table.UpdateEntityAsync(first, first.ETag, TableUpdateMode.Replace);
        second["Status"] = "withdrawn";
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(second, second.ETag));

        Assert.Equal(412, e.Status);
        Assert.NotEqual(first.ETag, ok.Headers.ETag);
        Assert.Equal("signed", (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Status"));
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_fails_with_412_and_with_the_current_one_succeeds()
    {
        var table = await azurite.CreateTableAsync();
        var v1 = (await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 })).Headers.ETag!.Value;
        var v2 = (await table.UpsertEntityAsync(new TableEntity("p", "r") { ["N"] = 2 })).Headers.ETag!.Value;

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", v1));
        Assert.Equal(412, e.Status);
        await table.DeleteEntityAsync("p", "r", v2);

        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        Assert.Equal(404, (await table.DeleteEntityAsync("p", "r")).Status);
    }

    [Fact]
    public async Task Getting_a_missing_entity_is_404_and_if_exists_says_no_value()
    {
        var table = await azurite.CreateTableAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "missing"));
        var maybe = await table.GetEntityIfExistsAsync<TableEntity>("p", "missing");

        Assert.Equal(404, e.Status);
        Assert.False(maybe.HasValue);
    }

    [Fact]
    public async Task Query_follows_continuation_across_more_than_1000_entities()
    {
        var table = await azurite.CreateTableAsync();
        const int count = 1_234;
        for (var start = 0; start < count; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, count - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("en-1", i.ToString("D5", CultureInfo.InvariantCulture)) { ["I"] = i }));
            await table.SubmitTransactionAsync(actions);
        }

        var pages = new List<int>();
        var seen = new List<int>();
        await foreach (var page in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"en-1"}")).AsPages())
        {
            pages.Add(page.Values.Count);
            seen.AddRange(page.Values.Select(v => v.GetInt32("I")!.Value));
        }

        Assert.True(pages.Count >= 2, $"expected several pages, got {pages.Count}");
        Assert.All(pages, n => Assert.InRange(n, 0, 1000));
        Assert.Equal(Enumerable.Range(0, count), seen);
    }

    [Fact]
    public async Task Query_with_a_small_page_size_and_a_range_filter_returns_the_range_in_row_order()
    {
        var table = await azurite.CreateTableAsync();
        foreach (var day in new[] { 1, 5, 9, 14, 20, 28 })
        {
            await table.AddEntityAsync(new TableEntity("en-2", TableKeys.Create($"2026-04-{day:D2}", "r" + day)) { ["Day"] = day });
        }

        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {"en-2"} and RowKey ge {"2026-04-05"} and RowKey lt {"2026-04-21"}");
        var days = new List<int>();
        var pageCount = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 2).AsPages())
        {
            pageCount++;
            days.AddRange(page.Values.Select(v => v.GetInt32("Day")!.Value));
        }

        Assert.Equal([5, 9, 14, 20], days);
        Assert.True(pageCount >= 2);
    }

    [Fact]
    public async Task Filter_values_are_quoted_so_input_cannot_change_the_query()
    {
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "a") { ["Name"] = "O'Brien" });
        await table.AddEntityAsync(new TableEntity("p", "b") { ["Name"] = "Smith" });

        var hostile = "x' or Name ne 'y";
        var none = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Name eq {hostile}")).ToListAsync();
        var one = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Name eq {"O'Brien"}")).ToListAsync();

        Assert.Empty(none);
        Assert.Equal("a", Assert.Single(one).RowKey);
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
        actions.AddRange(Enumerable.Range(2, 98).Select(i =>
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("t", i.ToString("D3", CultureInfo.InvariantCulture)) { ["V"] = "new" })));

        var result = await table.SubmitTransactionAsync(actions);

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
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("t", i.ToString("D3", CultureInfo.InvariantCulture)) { ["V"] = "new" }));

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(409, e.Status);
        Assert.Equal(50, e.FailedTransactionActionIndex);
        var stored = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal("050", Assert.Single(stored).RowKey);
        Assert.Equal("existing", stored[0].GetString("V"));
    }

    [Fact]
    public async Task Transactions_over_100_actions_or_across_partitions_are_refused_before_sending()
    {
        var table = await azurite.CreateTableAsync();
        var tooMany = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("t", i.ToString("D3", CultureInfo.InvariantCulture))));
        var twoPartitions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", "1")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("b", "1")),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(tooMany));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(twoPartitions));
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Theory]
    [InlineData("ticket/1")]
    [InlineData("ticket\\1")]
    [InlineData("ticket#1")]
    [InlineData("ticket?1")]
    [InlineData("ticket\u00011")]
    [InlineData("ticket\u007F1")]
    public async Task A_forbidden_key_character_is_refused_before_a_request_and_escaped_keys_work(string raw)
    {
        var table = await azurite.CreateTableAsync();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(raw, "r")));
        await table.AddEntityAsync(new TableEntity(TableKeys.Create(raw), "r"));

        Assert.Contains("does not allow", e.Message, StringComparison.Ordinal);
        var stored = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(raw, TableKeys.Split(stored.PartitionKey).Single());
    }

    [Fact]
    public async Task Keys_with_quotes_spaces_and_non_ascii_characters_round_trip()
    {
        var table = await azurite.CreateTableAsync();
        var pk = TableKeys.Create("José O'Neil", "ü 100%");
        var rk = TableKeys.Create("a|b~c", "+&=");
        await table.AddEntityAsync(new TableEntity(pk, rk) { ["V"] = 1 });

        var read = (await table.GetEntityAsync<TableEntity>(pk, rk)).Value;
        await table.DeleteEntityAsync(pk, rk);

        Assert.Equal(["José O'Neil", "ü 100%"], TableKeys.Split(read.PartitionKey));
        Assert.Equal(["a|b~c", "+&="], TableKeys.Split(read.RowKey));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(pk, rk)).HasValue);
    }

    [Fact]
    public async Task An_oversized_entity_is_refused_before_a_request_with_a_clear_error()
    {
        var table = await azurite.CreateTableAsync();
        var entity = new TableEntity("p", "big");
        for (var i = 0; i < 20; i++)
        {
            entity["Part" + i] = new string('x', 30_000); // each under 64 KiB, together about 1.2 MB
        }

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));

        Assert.Contains("1 MiB", e.Message, StringComparison.Ordinal);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "big")).HasValue);
    }

    [Fact]
    public async Task An_oversized_string_property_is_refused_and_names_the_property()
    {
        var table = await azurite.CreateTableAsync();
        var entity = new TableEntity("p", "r") { ["Notes"] = new string('x', TableEntityLimits.MaxStringChars + 1) };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(entity));

        Assert.Contains("'Notes'", e.Message, StringComparison.Ordinal);
        Assert.Contains("64 KiB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entity_just_under_the_limits_is_stored()
    {
        var table = await azurite.CreateTableAsync();
        var entity = new TableEntity("p", "r") { ["Notes"] = new string('x', TableEntityLimits.MaxStringChars) };

        await table.AddEntityAsync(entity);

        Assert.Equal(TableEntityLimits.MaxStringChars, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Notes")!.Length);
    }

    [Fact]
    public async Task Create_if_not_exists_twice_and_delete_the_table()
    {
        var service = azurite.CreateTableServiceClient();
        var name = AzuriteFixture.UniqueName("d");

        var created = await service.CreateTableIfNotExistsAsync(name);
        var again = await service.CreateTableIfNotExistsAsync(name);
        await service.DeleteTableAsync(name);

        Assert.Equal(204, created.Status);
        Assert.Equal(409, again.Status);
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => service.GetTableClient(name).AddEntityAsync(new TableEntity("p", "r")));
        Assert.Equal(404, e.Status);
    }
}
