using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Infrastructure.Tests.Storage.Records;

[Collection(AzuriteCollection.Name)]
public sealed class TableRecordRepositoryTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private ServiceProvider Repositories(Azure.Data.Tables.TableClientOptions? options = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(azurite.CreateTableServiceClient(options));
        services.AddSingleton(azurite.CreateBlobServiceClient());
        services.AddRecordServices();
        services.Configure<RecordStoreOptions>(o => o.TablePrefix = AzuriteFixture.UniqueName("rec"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Adding_a_taken_key_throws_and_leaves_the_first_record()
    {
        using var sp = Repositories();
        var tickets = sp.GetRequiredService<ITicketRepository>();
        var first = new Ticket("P1", "T/1#?", "th-1", TicketStatus.Registered, null, D(2026, 1, 5), null, null, null);
        await tickets.AddAsync(first, Ct);

        var duplicate = Assert.ThrowsAsync<RecordAlreadyExistsException>(() => tickets.AddAsync(first with { TicketholderId = "th-2" }, Ct));

        Assert.Contains("Ticket T/1#? already exists", (await duplicate).Message, StringComparison.Ordinal);
        Assert.Equal("th-1", (await tickets.FindAsync("P1", "T/1#?", Ct))!.TicketholderId);
    }

    [Fact]
    public async Task Deadlines_due_in_a_range_are_one_query_filtered_by_rule_staff_and_state_and_never_another_ens()
    {
        using var sp = Repositories();
        var deadlines = sp.GetRequiredService<IDeadlineRepository>();
        await deadlines.UpsertAsync([new DeadlineRecord("P1", "T-1", RuleIds.IwpSubmission, D(2026, 3, 1), D(2026, 3, 15), DeadlineState.Open, "s1")], Ct);
        await deadlines.UpsertAsync([new DeadlineRecord("P1", "T-2", RuleIds.PmReview, D(2026, 3, 2), D(2026, 3, 11), DeadlineState.Open, "s2")], Ct);
        await deadlines.UpsertAsync([new DeadlineRecord("P1", "T-3", RuleIds.IjaFollowUp, D(2026, 3, 20), D(2026, 4, 20), DeadlineState.Open, "s1")], Ct);
        await deadlines.UpsertAsync([new DeadlineRecord("P2", "T-9", RuleIds.IwpSubmission, D(2026, 3, 1), D(2026, 3, 15), DeadlineState.Open, "s1")], Ct);
        // Writing a deadline again updates its state in place.
        await deadlines.UpsertAsync([new DeadlineRecord("P1", "T-2", RuleIds.PmReview, D(2026, 3, 2), D(2026, 3, 11), DeadlineState.Overdue, "s2")], Ct);

        var march = await deadlines.QueryAsync(new DeadlineQuery("P1", D(2026, 3, 1), D(2026, 3, 31)), Ct);
        var lastDayIncluded = await deadlines.QueryAsync(new DeadlineQuery("P1", D(2026, 3, 11), D(2026, 3, 11)), Ct);
        var byStaff = await deadlines.QueryAsync(new DeadlineQuery("P1", D(2026, 1, 1), D(2026, 12, 31), StaffId: "s1"), Ct);
        var overdue = await deadlines.QueryAsync(new DeadlineQuery("P1", D(2026, 1, 1), D(2026, 12, 31), State: DeadlineState.Overdue), Ct);
        var byRule = await deadlines.QueryAsync(new DeadlineQuery("P1", D(2026, 1, 1), D(2026, 12, 31), RuleId: RuleIds.IjaFollowUp), Ct);

        Assert.Equal(["T-2", "T-1"], march.Select(d => d.SubjectId));
        Assert.Equal(["T-2"], lastDayIncluded.Select(d => d.SubjectId));
        Assert.Equal(["T-1", "T-3"], byStaff.Select(d => d.SubjectId));
        Assert.Equal(["T-2"], overdue.Select(d => d.SubjectId));
        Assert.Equal(["T-3"], byRule.Select(d => d.SubjectId));
        Assert.Equal(1, await deadlines.DeleteForSubjectAsync("P1", "T-2", Ct));
        Assert.Empty(await deadlines.ListForSubjectAsync("P1", "T-2", Ct));
        Assert.Single(await deadlines.ListForSubjectAsync("P2", "T-9", Ct));
    }

    [Fact]
    public async Task An_events_deadline_changes_are_one_request_and_the_later_record_of_a_deadline_wins()
    {
        var requests = new RequestCounter();
        var options = new Azure.Data.Tables.TableClientOptions();
        options.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerCall);
        using var sp = Repositories(options);
        var deadlines = sp.GetRequiredService<IDeadlineRepository>();
        var followUp = new DeadlineRecord("P1", "T-1", RuleIds.IjaFollowUp, D(2026, 3, 1), D(2026, 3, 31), DeadlineState.Open, "s1");
        await deadlines.UpsertAsync([followUp], Ct); // creates the table
        var before = requests.Count;

        // A two-way contact: this period's follow-up met, the next one opened; the same deadline twice, the later wins.
        await deadlines.UpsertAsync(
        [
            followUp with { State = DeadlineState.Overdue },
            new DeadlineRecord("P1", "T-1", RuleIds.IjaFollowUp, D(2026, 4, 1), D(2026, 4, 30), DeadlineState.Open, "s1"),
            followUp with { State = DeadlineState.Met },
        ], Ct);

        Assert.Equal(before + 1, requests.Count);
        var stored = await deadlines.ListForSubjectAsync("P1", "T-1", Ct);
        Assert.Equal([DeadlineState.Met, DeadlineState.Open], stored.Select(d => d.State));
    }

    [Fact]
    public async Task A_deadline_query_pages_through_more_than_a_thousand_records()
    {
        using var sp = Repositories();
        var deadlines = sp.GetRequiredService<IDeadlineRepository>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1100), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await deadlines.UpsertAsync([new DeadlineRecord("P1", $"T-{i:D4}", RuleIds.IwpSubmission, D(2026, 1, 1), D(2026, 1, 15), DeadlineState.Open, null)], ct));

        var all = await deadlines.QueryAsync(new DeadlineQuery("P1", D(2026, 1, 1), D(2026, 1, 31)), Ct);

        Assert.Equal(1100, all.Select(d => d.SubjectId).Distinct().Count());
    }

    [Fact]
    public async Task A_tickets_case_notes_and_iwps_share_its_partition_list_in_order_and_delete_together()
    {
        using var sp = Repositories();
        var notes = sp.GetRequiredService<ICaseNoteRepository>();
        var iwps = sp.GetRequiredService<IIwpRepository>();
        foreach (var (id, day) in new[] { ("n-2", 20), ("n-1", 5), ("n-3", 28) })
        {
            await notes.UpsertAsync(new CaseNote("P1", "T-1", id, D(2026, 2, day), CaseNoteKind.ContactAttempt, ContactMethod.Phone, "s1", "called"), Ct);
        }

        await notes.UpsertAsync(new CaseNote("P1", "T-1", "n-1", D(2026, 2, 5), CaseNoteKind.TwoWayContact, ContactMethod.Phone, "s1", "retried write"), Ct);
        await notes.UpsertAsync(new CaseNote("P1", "T-2", "n-9", D(2026, 2, 6), CaseNoteKind.General, null, "s1", "other ticket"), Ct);
        await iwps.UpsertAsync(new IwpRecord("P1", "T-1", "iwp-1", null, D(2026, 1, 2), D(2026, 1, 3), [], null, DateTimeOffset.UnixEpoch), Ct);

        Assert.Equal(["n-1", "n-2", "n-3"], (await notes.ListAsync("P1", "T-1", null, null, Ct)).Select(n => n.NoteId));
        Assert.Equal(["n-2"], (await notes.ListAsync("P1", "T-1", D(2026, 2, 6), D(2026, 2, 27), Ct)).Select(n => n.NoteId));
        Assert.Equal(CaseNoteKind.TwoWayContact, (await notes.ListAsync("P1", "T-1", null, D(2026, 2, 5), Ct)).Single().Kind);
        Assert.Equal(3, await notes.DeleteAllAsync("P1", "T-1", Ct));
        Assert.Equal(1, await iwps.DeleteAllAsync("P1", "T-1", Ct));
        Assert.Single(await notes.ListAsync("P1", "T-2", null, null, Ct));
    }

    [Fact]
    public async Task An_audit_entry_appended_twice_is_stored_once_and_entries_list_by_time()
    {
        using var sp = Repositories();
        var audit = sp.GetRequiredService<IAuditTrail>();
        var at = new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
        var entry = new AuditEntry("P1", "ticket:P1:T-1:abc", at, "key:ops", "iwp signed", "ticket T-1", "done");

        await audit.AppendAsync(entry, Ct);
        await audit.AppendAsync(entry, Ct);
        await audit.AppendAsync(entry with { EntryId = "e-2", At = at.AddMinutes(-5) }, Ct);

        var listed = await audit.ListAsync("P1", at.AddHours(-1), at.AddHours(1), Ct);
        Assert.Equal(["e-2", "ticket:P1:T-1:abc"], listed.Select(a => a.EntryId));
        Assert.Empty(await audit.ListAsync("P2", at.AddHours(-1), at.AddHours(1), Ct));
    }

    [Fact]
    public async Task Ens_staff_and_disputes_round_trip()
    {
        using var sp = Repositories();
        var networks = sp.GetRequiredService<IEmploymentNetworkRepository>();
        var disputes = sp.GetRequiredService<IDisputeRepository>();
        var en = new EmploymentNetwork("P1", "EN", "Full-time", "America/Chicago", new Contact("M", "m@en.example"), RetentionPolicy.DisposeAutomatically, true);
        await networks.AddAsync(en, Ct);
        await networks.UpsertStaffAsync(new StaffMember("P1", "s2", "B", "b@en.example"), Ct);
        await networks.UpsertStaffAsync(new StaffMember("P1", "s1", "A", "a@en.example"), Ct);
        var dispute = new Dispute("P1", "D-1", "VR", DisputeParty.StateVrAgency, true, "issues", "EN", "VR", D(2026, 3, 2), null,
            DisputeStatus.AwaitingRecommendation, null, null, null);
        await disputes.AddAsync(dispute, Ct);

        Assert.Equal(en, await networks.FindAsync("P1", Ct));
        Assert.Equal(["s1", "s2"], (await networks.ListStaffAsync("P1", Ct)).Select(s => s.StaffId));
        Assert.Equal(dispute, await disputes.FindAsync("P1", "D-1", Ct));
        await Assert.ThrowsAsync<RecordAlreadyExistsException>(() => networks.AddAsync(en, Ct));
    }

    [Fact]
    public async Task Of_two_concurrent_claims_of_one_idempotency_key_exactly_one_wins_and_a_released_key_can_be_claimed_again()
    {
        using var sp = Repositories();
        var store = sp.GetRequiredService<TicketFlow.Infrastructure.Storage.Records.IIdempotencyStore>();
        var claim = new TicketFlow.Infrastructure.Storage.Records.IdempotencyRecord("P1", "key/with?odd#chars", "hash", 0, null, null, [], DateTimeOffset.UnixEpoch);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.TryClaimAsync(claim, TimeSpan.FromSeconds(30), Ct)));

        Assert.Equal(1, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.True(r!.InProgress));
        await store.CompleteAsync(claim with { StatusCode = 201, Body = [1, 2, 3] }, Ct);
        Assert.Equal(201, (await store.TryClaimAsync(claim, TimeSpan.FromSeconds(30), Ct))!.StatusCode);
        await store.ReleaseAsync("P1", claim.Key, Ct);
        Assert.Null(await store.TryClaimAsync(claim, TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task A_revoked_api_key_is_kept_as_revoked_and_only_its_own_en_can_revoke_it()
    {
        using var sp = Repositories();
        var keys = sp.GetRequiredService<TicketFlow.Infrastructure.Storage.Records.IApiKeyStore>();
        var key = TicketFlow.Api.Security.ApiKey.Create();
        await keys.AddAsync(new TicketFlow.Infrastructure.Storage.Records.ApiKeyRecord(key.KeyId, "P1", "ops", key.Hash(), DateTimeOffset.UnixEpoch, null), Ct);

        Assert.False(await keys.RevokeAsync("P2", key.KeyId, DateTimeOffset.UnixEpoch.AddDays(1), Ct));
        Assert.True(await keys.RevokeAsync("P1", key.KeyId, DateTimeOffset.UnixEpoch.AddDays(1), Ct));

        var stored = (await keys.FindAsync(key.KeyId, Ct))!;
        Assert.True(key.Matches(stored.SecretHash));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), stored.RevokedAt);
        Assert.Single(await keys.ListAsync("P1", Ct));
        Assert.Empty(await keys.ListAsync("P2", Ct));
    }
}
