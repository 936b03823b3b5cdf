using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using TicketFlow.Durable.Testing;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Infrastructure.Storage.Documents;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.ServicesAndSupportsReviews;
using TicketFlow.Workflow.Ticketholders;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Infrastructure.Tests.Workflows;

/// <summary>
/// The ticket workflow on the durable engine with the production adapters: records in Table Storage, documents in
/// Blob Storage (both on Azurite), emails as .eml files in the outbox. One ticket from signatures to the disposal of
/// its records three years after unassignment, in virtual time.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TicketWorkflowOnAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string EnPid = "P77001";
    private const string Ticket = "T-AZ-1";
    private static readonly EnTimeZone Zone = new(EnTimeZone.DefaultId);
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("outbox"));
    private DurableTestHost _host = null!;

    private IServiceProvider Services => _host.Services;

    public async Task InitializeAsync()
    {
        var tablePrefix = AzuriteFixture.UniqueName("wf");
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueName("docs"));
        _host = await DurableTestHost.StartAsync(
            services =>
            {
                services.AddWorkflowServices();
                services.AddSingleton(azurite.CreateTableServiceClient());
                services.AddSingleton(azurite.CreateBlobServiceClient());
                services.AddRecordServices();
                services.Configure<RecordStoreOptions>(o => o.TablePrefix = tablePrefix);
                services.AddSingleton<IDocumentStore>(sp => new BlobDocumentStore(container, sp.GetRequiredService<TimeProvider>()));
                services.AddSingleton<IEmailSender>(sp => new OutboxEmailSender(
                    Options.Create(new EmailOptions { OutboxFolder = _outbox }), new PlainLanguageEmailTemplates(),
                    sp.GetRequiredService<TimeProvider>(), NullLogger<OutboxEmailSender>.Instance));
                services.AddDurableTaskWorker(b => b.AddTicketFlowWorkflows());
            },
            Zone.InstantOf(new DateOnly(2026, 3, 2), 8),
            new DurableTestHostOptions { SkipTime = false });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    [Fact]
    public async Task A_ticket_runs_from_signatures_to_disposal_on_table_and_blob_storage()
    {
        var ct = CancellationToken.None;
        var networks = Services.GetRequiredService<IEmploymentNetworkRepository>();
        var tickets = Services.GetRequiredService<ITicketRepository>();
        var ticketholders = Services.GetRequiredService<ITicketholderRepository>();
        var iwps = Services.GetRequiredService<IIwpRepository>();
        var notes = Services.GetRequiredService<ICaseNoteRepository>();
        var deadlines = Services.GetRequiredService<IDeadlineRepository>();
        var documents = Services.GetRequiredService<IDocumentStore>();
        await networks.AddAsync(new EmploymentNetwork(EnPid, "Azure EN", "Full-time", EnTimeZone.DefaultId,
            new Contact("Morgan", "compliance@az.example"), RetentionPolicy.ConfirmBeforeDisposal, false), ct);
        await networks.UpsertStaffAsync(new StaffMember(EnPid, "s1", "Casey", "casey@az.example"), ct);
        await ticketholders.UpsertAsync(new Ticketholder(EnPid, "th-1", "Jordan Example", "jordan@mail.example", null, null), ct);
        await tickets.AddAsync(new Ticket(EnPid, Ticket, "th-1", TicketStatus.Registered, "s1", new DateOnly(2026, 3, 2), null, null, null), ct);
        using (var pdf = new MemoryStream("%PDF-1.7 signed"u8.ToArray()))
        {
            var document = await documents.SaveAsync(DocumentFolders.ForTicket(EnPid, Ticket), DocumentKind.SignedIwp, "iwp-1", pdf, "application/pdf", ct);
            await iwps.UpsertAsync(new IwpRecord(EnPid, Ticket, "iwp-1", null, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 4), [], document, DateTimeOffset.UnixEpoch), ct);
        }

        var settings = new TicketSettings(EnPid, Ticket, EnTimeZone.DefaultId, false, RetentionPolicy.ConfirmBeforeDisposal, ReminderSchedule.Default, "s1");
        await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TicketOrchestrator),
            TicketState.Registered(settings, new DateOnly(2026, 3, 2)), new StartOrchestrationOptions { InstanceId = settings.InstanceId });

        await RaiseAsync(new IwpSigned(new DateOnly(2026, 3, 4), "staff", "iwp-1", new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 4), false));
        await RunUntilAsync(new DateOnly(2026, 3, 20)); // due 2026-03-18: overdue on the 19th
        var submission = Assert.Single(await deadlines.QueryAsync(new DeadlineQuery(EnPid, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), ct));
        Assert.Equal((RuleIds.IwpSubmission, new DateOnly(2026, 3, 18), DeadlineState.Overdue), (submission.RuleId, submission.DueOn, submission.State));

        await RaiseAsync(new IwpSubmitted(new DateOnly(2026, 3, 20), "staff"));
        await RaiseAsync(new TpmReceiptRecorded(new DateOnly(2026, 3, 23), "staff"));
        await RaiseAsync(new ReviewDecisionRecorded(new DateOnly(2026, 3, 27), "staff", Compliant: true));
        await notes.UpsertAsync(new CaseNote(EnPid, Ticket, "n-1", new DateOnly(2026, 4, 2), CaseNoteKind.TwoWayContact, ContactMethod.Phone, "s1", "Job search plan."), ct);
        await RaiseAsync(new ContactAttemptRecorded(new DateOnly(2026, 4, 2), "staff", "n-1", ContactMethod.Phone, TwoWay: true));
        await RaiseAsync(new TicketUnassigned(new DateOnly(2026, 6, 1), "staff", UnassignmentReason.ByTicketholder));
        Assert.Equal(TicketStatus.Unassigned, (await tickets.FindAsync(EnPid, Ticket, ct))!.Status);

        await RunUntilAsync(new DateOnly(2029, 6, 1));
        Assert.Equal(TicketStatus.RecordsRetained, (await tickets.FindAsync(EnPid, Ticket, ct))!.Status);
        await RaiseAsync(new RecordDisposalConfirmed(new DateOnly(2029, 6, 4), "compliance"));

        var disposed = (await tickets.FindAsync(EnPid, Ticket, ct))!;
        Assert.Equal(TicketStatus.RecordsDisposed, disposed.Status);
        Assert.Null(await ticketholders.FindAsync(EnPid, "th-1", ct));
        Assert.Empty(await iwps.ListAsync(EnPid, Ticket, ct));
        Assert.Empty(await notes.ListAsync(EnPid, Ticket, null, null, ct));
        Assert.Empty(await documents.ListAsync(DocumentFolders.ForTicket(EnPid, Ticket), ct));
        Assert.Empty(await deadlines.ListForSubjectAsync(EnPid, Ticket, ct));
        var metadata = await _host.Client.GetInstanceAsync(settings.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata!.RuntimeStatus);

        // The reminders were written to the outbox as accessible emails with a plain-text part.
        var emails = Directory.GetFiles(_outbox, "*.eml", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Contains(emails, e => e.Contains("To: \"Casey\" <casey@az.example>", StringComparison.Ordinal) && e.Contains("text/plain", StringComparison.Ordinal));
        Assert.Contains(emails, e => e.Contains("compliance@az.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_services_and_supports_review_stores_its_package_in_blob_storage_and_is_marked_sent()
    {
        var ct = CancellationToken.None;
        var tickets = Services.GetRequiredService<ITicketRepository>();
        var reviews = Services.GetRequiredService<IServicesAndSupportsReviewRepository>();
        var notes = Services.GetRequiredService<ICaseNoteRepository>();
        await Services.GetRequiredService<IEmploymentNetworkRepository>().AddAsync(new EmploymentNetwork(EnPid, "Azure EN", "Full-time",
            EnTimeZone.DefaultId, new Contact("Morgan", "compliance@az.example"), RetentionPolicy.ConfirmBeforeDisposal, false), ct);
        await tickets.AddAsync(new Ticket(EnPid, "T-SS", "th-ss", TicketStatus.InitialJobAcquisition, null, new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 10), new DateOnly(2024, 1, 10), null), ct);
        await notes.UpsertAsync(new CaseNote(EnPid, "T-SS", "old", new DateOnly(2025, 1, 6), CaseNoteKind.TwoWayContact, ContactMethod.Phone, "s1", "Too old for the window."), ct);
        await notes.UpsertAsync(new CaseNote(EnPid, "T-SS", "new", new DateOnly(2026, 2, 6), CaseNoteKind.TwoWayContact, ContactMethod.Phone, "s1", "In the window."), ct);
        await reviews.AddAsync(new ServicesAndSupportsReview(EnPid, "R-AZ", new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1), ["T-SS"],
            ServicesAndSupportsReviewStatus.Preparing, new Dictionary<string, DocumentReference>(), null), ct);
        var instanceId = ServicesAndSupportsReviewSettings.InstanceIdFor(EnPid, "R-AZ");

        await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ServicesAndSupportsReviewOrchestrator),
            new ServicesAndSupportsReviewSettings(EnPid, "R-AZ", EnTimeZone.DefaultId, new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1), ["T-SS"], ReminderSchedule.Default),
            new StartOrchestrationOptions { InstanceId = instanceId });
        await _host.WaitForIdleAsync();

        var package = (await reviews.FindAsync(EnPid, "R-AZ", ct))!.Packages["T-SS"];
        await using (var stream = await Services.GetRequiredService<IDocumentStore>().OpenReadAsync(package, ct))
        using (var zip = new System.IO.Compression.ZipArchive(stream))
        using (var reader = new StreamReader(zip.GetEntry("case-notes.txt")!.Open()))
        {
            var text = await reader.ReadToEndAsync(ct);
            Assert.Contains("In the window.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Too old", text, StringComparison.Ordinal);
        }

        await RunUntilAsync(new DateOnly(2026, 3, 25), 10);
        await _host.Client.RaiseEventAsync(instanceId, nameof(ServicesAndSupportsReviewSent), new ServicesAndSupportsReviewSent(new DateOnly(2026, 3, 25), "staff"));
        await _host.WaitForIdleAsync();

        Assert.Equal(ServicesAndSupportsReviewStatus.Sent, (await reviews.FindAsync(EnPid, "R-AZ", ct))!.Status);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await _host.Client.GetInstanceAsync(instanceId))!.RuntimeStatus);
    }

    private async Task RaiseAsync(TicketEvent ticketEvent)
    {
        await RunUntilAsync(ticketEvent.On, 10);
        await _host.Client.RaiseEventAsync(TicketInstanceId.For(EnPid, Ticket), nameof(TicketEventMessage), new TicketEventMessage(ticketEvent));
        await _host.WaitForIdleAsync();
    }

    private async Task RunUntilAsync(DateOnly date, int hour = 23)
    {
        var target = Zone.InstantOf(date, hour);
        if (target > _host.Time.GetUtcNow())
        {
            await _host.AdvanceTimeToAsync(target);
        }

        await _host.WaitForIdleAsync();
    }
}
