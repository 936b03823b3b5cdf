using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Api.Idempotency;
using TicketFlow.Api.Iwps;
using TicketFlow.Api.Security;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Infrastructure.Tests.Storage.Records;

/// <summary>
/// How records are laid out in entities: small ones in one property, larger ones split, the largest in a blob, by
/// measured size after serialization; the largest record each API accepts is written and read back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecordTableTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // Characters System.Text.Json writes as six (\u003C): the worst case of escaping for text the API accepts.
    private static string Escaped(int length) => new('<', length);

    private ServiceProvider Records(out string prefix)
    {
        var tablePrefix = prefix = AzuriteFixture.UniqueName("big");
        var services = new ServiceCollection();
        services.AddSingleton(azurite.CreateTableServiceClient());
        services.AddSingleton(azurite.CreateBlobServiceClient());
        services.AddRecordServices();
        services.Configure<RecordStoreOptions>(o => o.TablePrefix = tablePrefix);
        return services.BuildServiceProvider();
    }

    private static RecordTable Table(ServiceProvider sp) => sp.GetRequiredService<RecordTables>().Tickets;

    private async Task<TableEntity> StoredAsync(string prefix, string partitionKey, string rowKey) =>
        (await azurite.CreateTableServiceClient().GetTableClient(prefix + "Tickets").GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;

    private async Task<List<string>> BlobsAsync(string prefix)
    {
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient(prefix.ToLowerInvariant() + "-records");
        if (!await container.ExistsAsync())
        {
            return [];
        }

        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    [Fact]
    public async Task The_largest_dispute_the_api_accepts_is_split_across_properties_and_reads_back()
    {
        await using var sp = Records(out var prefix);
        // DisputeEndpoints: stateVrAgency at most 200 characters, issues and both positions at most 8,000 each.
        var dispute = new Dispute("P1", new string('d', 64), Escaped(200), DisputeParty.EmploymentNetwork, true,
            Escaped(8000), Escaped(8000), Escaped(8000), new DateOnly(2026, 3, 2), null, DisputeStatus.AwaitingRecommendation, null, null, null);
        var disputes = sp.GetRequiredService<IDisputeRepository>();

        await disputes.AddAsync(dispute, Ct);

        Assert.Equal(dispute, await disputes.FindAsync("P1", dispute.DisputeId, Ct));
        var entity = (await azurite.CreateTableServiceClient().GetTableClient(prefix + "Disputes")
            .GetEntityAsync<TableEntity>(TableKeys.Create("P1"), TableKeys.Create(dispute.DisputeId))).Value;
        Assert.True(entity.GetInt32("DataParts") > 1, "the escaped JSON is over 32K characters, so it is split");
        Assert.All(entity.Where(p => p.Key.StartsWith("Data", StringComparison.Ordinal) && p.Value is string),
            p => Assert.InRange(((string)p.Value).Length, 1, TableEntityLimits.MaxStringChars));
        Assert.Empty(await BlobsAsync(prefix));
    }

    [Fact]
    public async Task The_largest_iwp_record_the_api_accepts_goes_to_a_blob_checked_by_md5_and_reads_back()
    {
        await using var sp = Records(out var prefix);
        // An IWP of IwpUpload.MaxJsonBytes whose work history has as many jobs without earnings as fit: every job is
        // a finding with its citation, so the record is several times the size of the plan.
        var plan = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AzuriteLauncher.FindRepositoryRoot(AppContext.BaseDirectory)!, "samples", "iwp.json")))!;
        var job = JsonNode.Parse("""{"employer":"Concord Family Dental","position":"Front desk assistant","startDate":"2024-06-03","endDate":"2024-08-30","hoursPerWeek":10}""")!;
        var jobs = new JsonArray();
        plan["workHistory"]!["jobs"] = jobs;
        var perJob = job.ToJsonString().Length + 1;
        var count = (int)((IwpUpload.MaxJsonBytes - plan.ToJsonString().Length) / perJob);
        for (var i = 0; i < count; i++)
        {
            jobs.Add(job.DeepClone());
        }

        var json = plan.ToJsonString();
        Assert.InRange(json.Length, IwpUpload.MaxJsonBytes - perJob, IwpUpload.MaxJsonBytes);
        var checker = new IwpComplianceChecker(new DeadlineCalculator(new Rulebook(new RulebookOptions()), FederalCalendar.Default));
        var findings = checker.Check(IwpJson.Deserialize(json), new DateOnly(2025, 7, 1)).Findings;
        var record = new IwpRecord("P1", "T-1", "iwp-1", null, new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 3), findings, null, DateTimeOffset.UnixEpoch);
        var iwps = sp.GetRequiredService<IIwpRepository>();

        await iwps.UpsertAsync(record, Ct);
        var read = await iwps.FindAsync("P1", "T-1", "iwp-1", Ct);

        Assert.True(findings.Count >= count, $"{findings.Count} findings for {count} jobs");
        Assert.Equal(findings, read!.Findings);
        var entity = await StoredAsync(prefix, TicketPartition.Key("P1", "T-1"), TicketPartition.IwpPrefix + "iwp-1");
        Assert.NotNull(entity.GetString("DataBlob"));
        Assert.Null(entity.GetString("Data"));
        Assert.Single(await BlobsAsync(prefix));
        Assert.Single(await iwps.ListAsync("P1", "T-1", Ct));

        Assert.Equal(1, await iwps.DeleteAllAsync("P1", "T-1", Ct));
        Assert.Empty(await BlobsAsync(prefix));
    }

    [Fact]
    public async Task A_large_idempotent_answer_is_kept_whole_and_a_release_removes_its_blob()
    {
        await using var sp = Records(out var prefix);
        var store = sp.GetRequiredService<IIdempotencyStore>();
        var body = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(body);
        var claim = new IdempotencyRecord("P1", "key-1", "hash", 0, null, null, [], DateTimeOffset.UnixEpoch);

        Assert.Null(await store.TryClaimAsync(claim, TimeSpan.FromSeconds(30), Ct));
        await store.CompleteAsync(claim with { StatusCode = 202, ContentType = "application/json", Body = body }, Ct);
        var repeat = await store.TryClaimAsync(claim, TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(202, repeat!.StatusCode);
        Assert.Equal(body, repeat.Body);
        Assert.Single(await BlobsAsync(prefix));
        await store.ReleaseAsync("P1", "key-1", Ct);
        Assert.Empty(await BlobsAsync(prefix));
        Assert.Null(await store.TryClaimAsync(claim, TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task The_longest_case_note_the_api_accepts_stays_in_one_property()
    {
        await using var sp = Records(out var prefix);
        var note = new CaseNote("P1", "T-1", "n-1", new DateOnly(2026, 2, 5), CaseNoteKind.TwoWayContact, ContactMethod.Phone, new string('s', 64), Escaped(4000));
        var notes = sp.GetRequiredService<ICaseNoteRepository>();

        await notes.UpsertAsync(note, Ct);

        Assert.Equal(note, await notes.FindAsync("P1", "T-1", "n-1", Ct));
        Assert.Null((await StoredAsync(prefix, TicketPartition.Key("P1", "T-1"), TicketPartition.NotePrefix + "n-1")).GetInt32("DataParts"));
    }

    [Theory]
    [InlineData(TableEntityLimits.MaxStringChars)]     // quotes included, exactly one property's worth
    [InlineData(TableEntityLimits.MaxStringChars + 1)] // one over: split
    [InlineData(600 * 1024)]                            // over the inline budget (UTF-16): blob
    public async Task Records_around_each_limit_read_back_unchanged(int jsonChars)
    {
        await using var sp = Records(out _);
        var text = string.Create(jsonChars - 2, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });
        var table = Table(sp);

        await table.UpsertAsync("p", "r", text, Ct);

        Assert.Equal(jsonChars, JsonSerializer.Serialize(text).Length);
        Assert.Equal(text, await table.GetAsync<string>("p", "r", Ct));
    }

    [Fact]
    public async Task A_record_whose_blob_was_altered_is_refused_on_read()
    {
        await using var sp = Records(out var prefix);
        var table = Table(sp);
        await table.UpsertAsync("p", "r", new string('x', 700 * 1024), Ct);
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient(prefix.ToLowerInvariant() + "-records");
        await container.GetBlobClient(Assert.Single(await BlobsAsync(prefix))).UploadAsync(BinaryData.FromString("\"changed\""), overwrite: true);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => table.GetAsync<string>("p", "r", Ct));

        Assert.Contains("MD5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_writes_nothing_and_the_newer_write_stays()
    {
        await using var sp = Records(out _);
        var table = Table(sp);
        await table.UpsertAsync("p", "r", "draft", Ct);
        var first = (await table.GetWithETagAsync<string>("p", "r", Ct))!.Value;
        var second = (await table.GetWithETagAsync<string>("p", "r", Ct))!.Value;

        Assert.True(await table.UpdateAsync("p", "r", "signed", first.ETag, Ct));
        Assert.False(await table.UpdateAsync("p", "r", "withdrawn", second.ETag, Ct));
        Assert.Equal("signed", await table.GetAsync<string>("p", "r", Ct));
    }

    [Fact]
    public async Task Revoking_a_key_twice_keeps_the_first_revocation_time()
    {
        await using var sp = Records(out _);
        var keys = sp.GetRequiredService<IApiKeyStore>();
        await keys.AddAsync(new ApiKeyRecord("k1", "P1", "ops", "hash", DateTimeOffset.UnixEpoch, null), Ct);
        var first = DateTimeOffset.UnixEpoch.AddDays(1);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => keys.RevokeAsync("P1", "k1", first.AddHours(i), Ct)));

        Assert.All(results, Assert.True);
        Assert.False(await keys.RevokeAsync("P2", "k1", first, Ct));
        Assert.Contains((await keys.FindAsync("k1", Ct))!.RevokedAt!.Value, Enumerable.Range(0, 8).Select(i => first.AddHours(i)));
    }

    [Fact]
    public async Task A_query_over_more_than_1000_records_follows_continuation_and_a_delete_sweep_removes_them_all()
    {
        await using var sp = Records(out var prefix);
        var table = Table(sp);
        var client = azurite.CreateTableServiceClient().GetTableClient(prefix + "Tickets");
        await table.UpsertAsync("seed", "seed", "seed", Ct); // creates the table
        const int count = 1_234;
        await client.UpsertManyAsync(Enumerable.Range(0, count).Select(i =>
            new TableEntity("en-1", i.ToString("D5", CultureInfo.InvariantCulture)) { ["Data"] = JsonSerializer.Serialize(i.ToString(CultureInfo.InvariantCulture)) }));

        var pages = 0;
        await foreach (var _ in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"en-1"}")).AsPages())
        {
            pages++;
        }

        var all = await table.QueryAsync<string>(TableClient.CreateQueryFilter($"PartitionKey eq {"en-1"}"), Ct);
        var deleted = await table.DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"en-1"}"), Ct);

        Assert.True(pages >= 2, $"expected several pages, got {pages}");
        Assert.Equal(Enumerable.Range(0, count), all.Select(i => int.Parse(i, CultureInfo.InvariantCulture)));
        Assert.Equal(count, deleted);
        Assert.Empty(await table.QueryAsync<string>(TableClient.CreateQueryFilter($"PartitionKey eq {"en-1"}"), Ct));
    }

    [Fact]
    public async Task A_raw_key_with_a_forbidden_character_is_refused_before_any_request()
    {
        await using var sp = Records(out _);
        var table = Table(sp);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertAsync("ticket/1", "r", "x", Ct));

        Assert.Contains("does not allow", e.Message, StringComparison.Ordinal);
        Assert.Null(await table.GetAsync<string>(TableKeys.Create("ticket/1"), "r", Ct));
    }
}
