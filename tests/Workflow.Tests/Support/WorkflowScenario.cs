using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TicketFlow.Durable.Testing;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.Disputes.Events;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.ServicesAndSupportsReviews;
using TicketFlow.Workflow.Ticketholders;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Server.Simulation;
using TicketFlow.Workflow.Simulation;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Workflow.Tests.Support;

/// <summary>
/// A running TicketFlow workflow on the durable engine with virtual time: one EN with a staff member and a compliance
/// contact, in-memory records and a recording email sender. Dates are the EN's (America/New_York); events are raised
/// at 10:00 local on their date, after every timer before then has fired.
/// </summary>
public sealed class WorkflowScenario : IAsyncDisposable
{
    public const string EnPid = TicketSimulation.EnPid;
    public const string StaffEmail = TicketSimulation.StaffEmail;
    public const string ComplianceEmail = TicketSimulation.ComplianceEmail;

    private static readonly EnTimeZone Zone = new("America/New_York");

    private readonly TicketSimulation _simulation;

    private WorkflowScenario(TicketSimulation simulation) => _simulation = simulation;

    public DurableTestHost Host => _simulation.Host;

    public InMemoryRecords Records => _simulation.Records;

    public RecordingEmailSender Email => _simulation.Email;

    public InMemoryDocumentStore Documents => _simulation.Documents;

    public DurableTaskClient Client => Host.Client;

    public DateOnly Today => _simulation.Today;

    public static async Task<WorkflowScenario> StartAsync(DateOnly start) => new(await TicketSimulation.StartAsync(start));

    public Task<string> RegisterTicketAsync(string ticketNumber, bool portal = false, RetentionPolicy retention = RetentionPolicy.ConfirmBeforeDisposal) =>
        _simulation.RegisterTicketAsync(ticketNumber, Today, portal, retention);

    /// <summary>Moves the clock to 10:00 on the event's date (firing everything due before) and raises the event.</summary>
    public async Task RaiseAsync(string ticketNumber, TicketEvent ticketEvent)
    {
        await RunUntilAsync(ticketEvent.On, hour: 10);
        await Client.RaiseEventAsync(TicketInstanceId.For(EnPid, ticketNumber), nameof(TicketEventMessage), new TicketEventMessage(ticketEvent));
        await Host.WaitForIdleAsync();
    }

    public async Task<string> RequestDisputeAsync(string disputeId, DateOnly receivedOn)
    {
        await RunUntilAsync(receivedOn, hour: 10);
        await Records.AddAsync(
            new Dispute(EnPid, disputeId, "State VR Agency", DisputeParty.EmploymentNetwork, true, "Payment split", "EN view", "VR view",
                receivedOn, null, DisputeStatus.AwaitingRecommendation, null, null, null),
            CancellationToken.None);
        var settings = new DisputeSettings(EnPid, disputeId, "State VR Agency", "America/New_York", receivedOn, ReminderSchedule.Default);
        var instanceId = DisputeSettings.InstanceIdFor(EnPid, disputeId);
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(DisputeOrchestrator), settings, new StartOrchestrationOptions { InstanceId = instanceId });
        await Host.WaitForIdleAsync();
        return instanceId;
    }

    public async Task RaiseDisputeAsync(string disputeId, DisputeEvent disputeEvent)
    {
        await RunUntilAsync(disputeEvent.On, hour: 10);
        await Client.RaiseEventAsync(DisputeSettings.InstanceIdFor(EnPid, disputeId), nameof(DisputeEventMessage), new DisputeEventMessage(disputeEvent));
        await Host.WaitForIdleAsync();
    }

    public IReadOnlyList<(DateOnly Day, EmailTemplateId Template, string To)> DisputeEmails(string disputeId) =>
        [.. Email.Sent
            .Where(s => s.Message.ReminderId?.StartsWith(DisputeSettings.InstanceIdFor(EnPid, disputeId) + "|", StringComparison.Ordinal) == true)
            .SelectMany(s => s.Message.To.Select(to => (Day: Zone.DateOf(s.At), s.Message.TemplateId, to.Address)))];

    public async Task<string> RequestReviewAsync(string reviewId, DateOnly receivedOn, DateOnly dueOn, params string[] ticketNumbers)
    {
        await RunUntilAsync(receivedOn, hour: 10);
        await Records.AddAsync(
            new ServicesAndSupportsReview(EnPid, reviewId, receivedOn, dueOn, ticketNumbers, ServicesAndSupportsReviewStatus.Preparing,
                new Dictionary<string, DocumentReference>(), null),
            CancellationToken.None);
        var settings = new ServicesAndSupportsReviewSettings(EnPid, reviewId, "America/New_York", receivedOn, dueOn, ticketNumbers, ReminderSchedule.Default);
        var instanceId = ServicesAndSupportsReviewSettings.InstanceIdFor(EnPid, reviewId);
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ServicesAndSupportsReviewOrchestrator), settings, new StartOrchestrationOptions { InstanceId = instanceId });
        await Host.WaitForIdleAsync();
        return instanceId;
    }

    /// <summary>Moves the clock to a local date and hour, firing every timer on the way.</summary>
    public Task RunUntilAsync(DateOnly date, int hour = 23) => _simulation.RunUntilAsync(date, hour);

    public IReadOnlyList<(DateOnly Day, EmailTemplateId Template, string To)> Emails(string ticketNumber) =>
        [.. Email.Sent
            .Where(s => s.Message.TicketId == ticketNumber)
            .SelectMany(s => s.Message.To.Select(to => (Day: Zone.DateOf(s.At), s.Message.TemplateId, to.Address)))];

    public DeadlineRecord Deadline(string ticketNumber, string ruleId) =>
        Assert.Single(Records.Deadlines.Values, d => d.SubjectId == ticketNumber && d.RuleId == ruleId);

    public IReadOnlyList<AuditEntry> AuditOf(string ticketNumber) =>
        [.. Records.Audit.Values.Where(a => a.Subject == $"ticket {ticketNumber}").OrderBy(a => a.At)];

    public async ValueTask DisposeAsync() => await _simulation.DisposeAsync();
}
