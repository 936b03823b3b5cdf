using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Client;
using TicketFlow.Durable.Testing;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Server.Hosting;
using TicketFlow.Workflow;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Simulation;
using TicketFlow.Workflow.Ticketholders;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Server.Simulation;

/// <summary>
/// Plays scripted tickets through TicketFlow's real orchestrations on the embedded durable engine with virtual time
/// (so it lives with the composition root, not in the engine-free workflow project), with
/// in-memory records and a recording email sender: years of a ticket's life in seconds. One EN (PID
/// <see cref="EnPid"/>, America/New_York) with one staff member and a compliance contact.
/// </summary>
public sealed class TicketSimulation : IAsyncDisposable
{
    /// <summary>The simulated EN's PID.</summary>
    public const string EnPid = "P00001";

    /// <summary>The simulated staff member's email address.</summary>
    public const string StaffEmail = "casey.diaz@en.example";

    /// <summary>The simulated compliance contact's email address.</summary>
    public const string ComplianceEmail = "compliance@en.example";

    private static readonly EnTimeZone Zone = new(EnTimeZone.DefaultId);

    private TicketSimulation(DurableTestHost host, InMemoryRecords records, RecordingEmailSender email)
    {
        Host = host;
        Records = records;
        Email = email;
    }

    /// <summary>The durable engine with its virtual clock.</summary>
    public DurableTestHost Host { get; }

    /// <summary>What the workflows wrote.</summary>
    public InMemoryRecords Records { get; }

    /// <summary>What the workflows sent.</summary>
    public RecordingEmailSender Email { get; }

    /// <summary>The documents the workflows stored.</summary>
    public InMemoryDocumentStore Documents => (InMemoryDocumentStore)Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>The simulated date (EN time zone).</summary>
    public DateOnly Today => Zone.DateOf(Host.Time.GetUtcNow());

    /// <summary>Starts a simulation at 08:00 on <paramref name="start"/>.</summary>
    /// <param name="start">The first simulated day.</param>
    /// <param name="retention">The EN's retention policy.</param>
    /// <returns>The simulation.</returns>
    public static async Task<TicketSimulation> StartAsync(DateOnly start, RetentionPolicy retention = RetentionPolicy.ConfirmBeforeDisposal)
    {
        var records = new InMemoryRecords();
        var email = new RecordingEmailSender();
        var host = await DurableTestHost.StartAsync(
            services =>
            {
                services.AddWorkflowServices();
                foreach (var type in typeof(InMemoryRecords).GetInterfaces())
                {
                    services.AddSingleton(type, records);
                }

                services.AddSingleton<IEmailSender>(email);
                services.AddSingleton(WorkflowDataConverter.Instance);
                services.AddSingleton<IDocumentStore>(sp => new InMemoryDocumentStore(sp.GetRequiredService<TimeProvider>()));
                services.AddDurableTaskWorker(b => b.AddTicketFlowWorkflows());
            },
            Zone.InstantOf(start, 8),
            new DurableTestHostOptions { SkipTime = false });
        email.Clock = host.Time;
        records.Clock = host.Time;
        await records.AddAsync(
            new EmploymentNetwork(EnPid, "Bright Futures EN", "Full-time employment services", EnTimeZone.DefaultId,
                new Contact("Morgan Lee", ComplianceEmail), retention, AssignsInTicketPortal: false),
            CancellationToken.None);
        await records.UpsertStaffAsync(new StaffMember(EnPid, "s1", "Casey Diaz", StaffEmail), CancellationToken.None);
        return new TicketSimulation(host, records, email);
    }

    /// <summary>
    /// Plays the scripts day by day until <paramref name="until"/>: each day, tickets registered that day start, then
    /// that day's events are raised at 10:00, and every reminder and deadline timer fires at its own time.
    /// </summary>
    /// <param name="scripts">The tickets.</param>
    /// <param name="until">The last simulated day.</param>
    /// <returns>A task that completes at the end of <paramref name="until"/>.</returns>
    public async Task RunAsync(IReadOnlyList<TicketScript> scripts, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var registrations = scripts.ToLookup(s => s.RegisteredOn);
        var events = scripts
            .SelectMany(s => s.Events.Select(e => (s.TicketNumber, Event: e)))
            .ToLookup(e => e.Event.On);
        for (var day = Today; day <= until; day = day.AddDays(1))
        {
            await AdvanceToAsync(Zone.InstantOf(day, 10));
            foreach (var script in registrations[day])
            {
                await RegisterTicketAsync(script.TicketNumber, script.RegisteredOn, script.AssignsInTicketPortal);
            }

            foreach (var (ticketNumber, ticketEvent) in events[day])
            {
                await Host.Client.RaiseEventAsync(
                    TicketInstanceId.For(EnPid, ticketNumber), nameof(TicketEventMessage), new TicketEventMessage(ticketEvent));
            }

            await Host.WaitForIdleAsync();
        }

        await AdvanceToAsync(Zone.InstantOf(until, 23));
    }

    /// <summary>The timeline of one subject (a ticket number), or of everything, in date order.</summary>
    /// <param name="subject">The ticket number; null for all.</param>
    /// <returns>The entries.</returns>
    public IReadOnlyList<TimelineEntry> Timeline(string? subject = null)
    {
        var entries = new List<(DateTimeOffset At, int Order, TimelineEntry Entry)>();
        foreach (var audit in Records.Audit.Values)
        {
            var ticket = audit.Subject.StartsWith("ticket ", StringComparison.Ordinal) ? audit.Subject[7..] : audit.Subject;
            var refused = audit.Outcome.StartsWith("refused", StringComparison.Ordinal);
            entries.Add((audit.At, 0, new TimelineEntry(Zone.DateOf(audit.At), ticket,
                refused ? TimelineEntryKind.Refused : TimelineEntryKind.Event,
                refused ? $"{audit.Action} ({audit.Outcome})" : audit.Action)));
        }

        foreach (var (at, record) in Records.DeadlineHistory)
        {
            entries.Add((at, 1, new TimelineEntry(Zone.DateOf(at), record.SubjectId, TimelineEntryKind.Deadline,
                string.Create(CultureInfo.InvariantCulture, $"{record.RuleId} due {record.DueOn:yyyy-MM-dd} (clock from {record.ClockStartedOn:yyyy-MM-dd}): {record.Outcome}"))));
        }

        foreach (var (message, at) in Email.Sent)
        {
            var to = string.Join(", ", message.To.Select(a => a.Address));
            entries.Add((at, 2, new TimelineEntry(Zone.DateOf(at), message.TicketId ?? "-", TimelineEntryKind.Email,
                string.Create(CultureInfo.InvariantCulture, $"{message.TemplateId} to {to}{(message.Model.DueDate is { } due ? $" (due {due:yyyy-MM-dd})" : "")}"))));
        }

        return [.. entries
            .Where(e => subject is null || e.Entry.Subject == subject)
            .OrderBy(e => e.At).ThenBy(e => e.Order)
            .Select(e => e.Entry)];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// Registers a ticket as the API would: the ticketholder (<c>th-{ticket}</c>, with an email address) and the ticket
    /// records, then its orchestration.
    /// </summary>
    /// <param name="ticketNumber">The ticket.</param>
    /// <param name="registeredOn">The registration date.</param>
    /// <param name="assignsInTicketPortal">Whether the EN assigns it in the Ticket Portal.</param>
    /// <param name="retention">The EN's retention policy for it.</param>
    /// <returns>The orchestration instance id.</returns>
    public async Task<string> RegisterTicketAsync(
        string ticketNumber, DateOnly registeredOn, bool assignsInTicketPortal = false,
        RetentionPolicy retention = RetentionPolicy.ConfirmBeforeDisposal)
    {
        var ticketholderId = $"th-{ticketNumber}";
        await Records.UpsertAsync(
            new Ticketholder(EnPid, ticketholderId, $"Ticketholder {ticketNumber}", $"{ticketholderId}@mail.example", null, null),
            CancellationToken.None);
        await Records.AddAsync(
            new Ticket(EnPid, ticketNumber, ticketholderId, TicketStatus.Registered, "s1", registeredOn, null, null, null),
            CancellationToken.None);
        var settings = new TicketSettings(EnPid, ticketNumber, EnTimeZone.DefaultId, assignsInTicketPortal, retention, ReminderSchedule.Default, "s1");
        await Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(TicketOrchestrator), TicketState.Registered(settings, registeredOn),
            new StartOrchestrationOptions { InstanceId = settings.InstanceId });
        return settings.InstanceId;
    }

    /// <summary>Moves the virtual clock to a local date and hour, firing every timer on the way.</summary>
    /// <param name="date">The date.</param>
    /// <param name="hour">The local hour.</param>
    /// <returns>A task that completes when the engine is idle again.</returns>
    public Task RunUntilAsync(DateOnly date, int hour = 23) => AdvanceToAsync(Zone.InstantOf(date, hour));

    private async Task AdvanceToAsync(DateTimeOffset target)
    {
        if (target > Host.Time.GetUtcNow())
        {
            await Host.AdvanceTimeToAsync(target);
        }

        await Host.WaitForIdleAsync();
    }
}
