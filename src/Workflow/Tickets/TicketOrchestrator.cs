using System.Globalization;
using Microsoft.DurableTask;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Earnings;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Retention;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets.Agenda;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Workflow.Tickets;

/// <summary>
/// One ticket's life with its EN, from the IWP's signatures to the disposal of its records. Each turn waits for the
/// next ticket event or the next item on the ticket's agenda, whichever comes first; an event is checked against the
/// transition table before it changes anything; every change and every refusal is recorded. The orchestration holds
/// no clock but the context's and does no I/O but through activities; it continues as new every few turns so its
/// history stays short however many years the ticket lives.
/// </summary>
/// <param name="agenda">The ticket agenda (the rulebook's policies).</param>
/// <param name="rulebook">The rulebook, for earnings amounts in checkpoint reminders.</param>
public sealed class TicketOrchestrator(TicketAgenda agenda, Rulebook rulebook) : TaskOrchestrator<TicketState, TicketStatus>
{
    /// <summary>Turns per execution before continuing as new.</summary>
    public const int TurnsPerExecution = 8;

    /// <summary>The system actor, for changes the orchestration makes on its own.</summary>
    public const string SystemActor = "system";

    /// <inheritdoc />
    public override async Task<TicketStatus> RunAsync(TaskOrchestrationContext context, TicketState input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var state = input;
        var zone = new EnTimeZone(state.Settings.TimeZoneId);
        for (var turn = 0; turn < TurnsPerExecution; turn++)
        {
            if (state.Status == TicketStatus.RecordsDisposed)
            {
                return state.Status;
            }

            var today = zone.DateOf(context.CurrentUtcDateTime);
            var next = agenda.Next(state, today);
            context.SetCustomStatus(new TicketProgress(state.Status, agenda.OpenDeadlines(state), next, agenda.FactsOf(state)));

            var message = await context.EventOrTimeAsync<TicketEventMessage>(
                nameof(TicketEventMessage), next is null ? null : zone.InstantOf(next.On, next.Hour));
            state = message is not null
                ? await ApplyAsync(context, state, message.Event) with { LastEventId = message.Id, EventsTaken = state.EventsTaken + 1 }
                : await HandleAsync(context, state, next!);
            state = agenda.MarkHandled(state, message is null ? next!.Key : null, zone.DateOf(context.CurrentUtcDateTime));
        }

        context.ContinueAsNew(state, preserveUnprocessedEvents: true);
        return state.Status;
    }

    /// <summary>An event: checked against the table, then recorded and folded in, or refused and recorded.</summary>
    private async Task<TicketState> ApplyAsync(TaskOrchestrationContext context, TicketState state, TicketEvent ticketEvent)
    {
        var decision = TicketTransitions.Check(agenda.FactsOf(state), ticketEvent);

        var evidence = RecordEvidenceAsync(context, ticketEvent, decision.Allowed);
        if (!decision.Allowed)
        {
            await Task.WhenAll(evidence, RecordChangeAsync(context, state, ticketEvent.Actor, Describe(ticketEvent), $"refused: {decision.Reason}"));
            return state;
        }

        if (ticketEvent is CheckInEmailRequested checkIn)
        {
            return await SendCheckInAsync(context, state, checkIn);
        }

        var after = state.Apply(ticketEvent, decision.NextStatus!.Value);

        // The three writes are independent, so they are issued together: the turn waits for one round of activities.
        await Task.WhenAll(
            evidence,
            RecordChangeAsync(context, after, ticketEvent.Actor, Describe(ticketEvent), TicketChange.Done, ticketRecordChanged: !after.HasSameRecordAs(state)),
            RecordDeadlinesAsync(context, DeadlineChanges.Between(state.Settings, agenda.OpenDeadlines(state), agenda.OpenDeadlines(after), ticketEvent)));
        return after.Status == TicketStatus.RecordsDisposed ? await DisposeAsync(context, after, ticketEvent.Actor) : after;
    }

    /// <summary>An agenda item whose time has come.</summary>
    private async Task<TicketState> HandleAsync(TaskOrchestrationContext context, TicketState state, AgendaItem item)
    {
        switch (item.Kind)
        {
            case AgendaItemKind.Overdue:
                // A follow-up period that passed without two-way contact is missed for good; the next period starts.
                // Anything else is overdue: it can still be done, and is then recorded as met late.
                var periodMissed = item.RuleId is RuleIds.IjaFollowUp or RuleIds.OspFollowUp;
                var after = periodMissed ? state.FollowUpPeriodMissed(item.Deadline!.DueOn) : state;
                await RecordDeadlinesAsync(context,
                [
                    DeadlineChanges.Record(state.Settings, item.Deadline!, periodMissed ? DeadlineState.Missed : DeadlineState.Overdue),
                    .. DeadlineChanges.Between(state.Settings, agenda.OpenDeadlines(state), agenda.OpenDeadlines(after), cause: null),
                ]);
                await RemindAsync(context, state, item, $"The due date passed: {item.Deadline!.Explanation}");
                return after;

            case AgendaItemKind.EarningsCheckpoint:
                // The recorded earnings against the year's amount; below, missing or no amounts: the compliance contact hears too.
                var finding = await context.CallActivityAsync<EarningsCheckpointFinding>(
                    nameof(CheckEarningsActivity),
                    new EarningsCheckpointRequest(state.Settings.EnPid, state.Settings.TicketNumber, item.RuleId, item.On),
                    TaskRetries.Standard);
                await RemindAsync(context, state, item with { Audience = finding.NeedsAttention ? Audience.StaffAndComplianceContact : Audience.Staff },
                    $"{rulebook.Get(item.RuleId).Description} {finding.Text}");
                return state;

            case AgendaItemKind.RetentionPeriodEnds:
                var ended = await ApplyAsync(context, state, new RetentionPeriodEnded(item.On, SystemActor));
                await RemindAsync(context, ended, item, rulebook.Get(item.RuleId).Description);
                return ended.Settings.RetentionPolicy == RetentionPolicy.DisposeAutomatically
                    ? await ApplyAsync(context, ended, new RecordDisposalConfirmed(item.On, SystemActor))
                    : ended;

            default:
                await RemindAsync(context, state, item, (item.Deadline?.Explanation ?? rulebook.Get(item.RuleId).Description) + AttemptsSoFar(state, item));
                return state;
        }
    }

    /// <summary>
    /// Writes the record an event brought with it. A case note is the evidence of a contact (or a request for none) that
    /// happened and is kept even when the ticket's state means it no longer counts (the refusal is recorded beside it); an IWP or
    /// amendment becomes part of the ticket's records only when its state accepts it.
    /// </summary>
    private static Task RecordEvidenceAsync(TaskOrchestrationContext context, TicketEvent ticketEvent, bool allowed) => ticketEvent switch
    {
        ContactAttemptRecorded { Note: { } note } => context.CallActivityAsync<bool>(nameof(RecordCaseNoteActivity), note, TaskRetries.Standard),
        NoContactRequested { Note: { } note } => context.CallActivityAsync<bool>(nameof(RecordCaseNoteActivity), note, TaskRetries.Standard),
        IwpSigned { Record: { } plan } when allowed => context.CallActivityAsync<bool>(nameof(RecordIwpActivity), plan, TaskRetries.Standard),
        IwpAmended { Record: { } amendment } when allowed => context.CallActivityAsync<bool>(nameof(RecordIwpActivity), amendment, TaskRetries.Standard),
        _ => Task.CompletedTask,
    };

    private async Task<TicketState> SendCheckInAsync(TaskOrchestrationContext context, TicketState state, CheckInEmailRequested checkIn)
    {
        var noteId = $"checkin-{context.NewGuid():N}";
        var refusal = await context.CallActivityAsync<string?>(
            nameof(SendCheckInEmailActivity),
            new CheckInEmail(state.Settings.EnPid, state.Settings.TicketNumber, checkIn.StaffId, checkIn.On, noteId),
            TaskRetries.Standard);
        if (refusal is not null)
        {
            await RecordChangeAsync(context, state, checkIn.Actor, Describe(checkIn), $"refused: {refusal}");
            return state;
        }

        // The email is a contact attempt by email, and is folded in as one.
        return await ApplyAsync(context, state, new ContactAttemptRecorded(checkIn.On, checkIn.Actor, noteId, ContactMethod.Email, TwoWay: false));
    }

    private async Task<TicketState> DisposeAsync(TaskOrchestrationContext context, TicketState state, string actor)
    {
        await context.CallActivityAsync<int>(
            nameof(DisposeTicketRecordsActivity),
            new TicketDisposal(state.Settings.EnPid, state.Settings.TicketNumber, $"{context.InstanceId}:{context.NewGuid():N}",
                context.CurrentUtcDateTime, actor),
            TaskRetries.Standard);
        return state;
    }

    private static Task<bool> RecordChangeAsync(
        TaskOrchestrationContext context, TicketState state, string actor, string action, string outcome, bool ticketRecordChanged = true) =>
        context.CallActivityAsync<bool>(
            nameof(RecordTicketChangeActivity),
            new TicketChange(state.Settings.EnPid, state.Settings.TicketNumber, state.Status, state.AssignedOn, state.PhaseStartedOn,
                state.UnassignedOn, $"{context.InstanceId}:{context.NewGuid():N}", context.CurrentUtcDateTime, actor, action, outcome)
            {
                TicketRecordChanged = ticketRecordChanged,
            },
            TaskRetries.Standard);

    private static async Task RecordDeadlinesAsync(TaskOrchestrationContext context, IReadOnlyList<DeadlineRecord> records)
    {
        if (records.Count > 0)
        {
            await context.CallActivityAsync<int>(nameof(RecordDeadlinesActivity), records, TaskRetries.Standard);
        }
    }

    private Task<int> RemindAsync(TaskOrchestrationContext context, TicketState state, AgendaItem item, string details)
    {
        // Every reminder names its deadline: the rule, what it requires and where it is written, and where to record the outcome.
        var rule = rulebook.TryGet(item.RuleId, out var found) ? found : null;
        return context.CallActivityAsync<int>(
            nameof(SendReminderActivity),
            new ReminderRequest(state.Settings.EnPid, $"{context.InstanceId}|{item.Key}", ReminderTemplates.For(item), item.Audience,
                state.Settings.TicketNumber, $"Ticket {state.Settings.TicketNumber}", state.Settings.StaffId,
                item.Deadline?.DueOn ?? item.On, details, item.RuleId,
                rule is null ? null : $"{rule.Description} ({rule.Citation.Source})",
                ReminderTemplates.WhereToRecord(item.RuleId, state.Settings.TicketNumber)),
            TaskRetries.Standard);
    }

    /// <summary>
    /// For contact reminders: the attempts made since the last two-way contact against the cadence's minimum; before an
    /// unassignment for lost contact, how many attempts are still missing (an unassignment with fewer is refused).
    /// </summary>
    private string AttemptsSoFar(TicketState state, AgendaItem item)
    {
        if (state.Phase is not { } phase)
        {
            return string.Empty;
        }

        if (item.RuleId == rulebook.CadenceFor(phase).FollowUpRuleId)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $" Contact attempts since the last two-way contact: {state.AttemptsSinceTwoWayContact.Length}; at least {rulebook.CadenceFor(phase).MinimumAttempts} are needed in a period without two-way contact.");
        }

        if (item.RuleId is RuleIds.IjaUnassign or RuleIds.OspUnassign && agenda.FactsOf(state).ContactAttempts is { } attempts)
        {
            return attempts.Enough
                ? $" On record: {attempts.Describe()}."
                : string.Create(CultureInfo.InvariantCulture,
                    $" On record: {attempts.Describe()}. Log at least {attempts.Required - attempts.Logged} more within {attempts.Period} before the due date: an unassignment for lost contact with fewer attempts is refused.");
        }

        return string.Empty;
    }

    /// <summary>
    /// The audit trail's words for an event: "IwpSigned" is "iwp signed"; a contact says whether it was two-way and how it
    /// was made ("two-way contact recorded (phone)", "contact attempt recorded (letter)"), as the timeline shows it.
    /// </summary>
    private static string Describe(TicketEvent ticketEvent)
    {
        if (ticketEvent is ContactAttemptRecorded contact)
        {
            return $"{(contact.TwoWay ? "two-way contact" : "contact attempt")} recorded ({MethodWords(contact.Method)})";
        }

        var words = new System.Text.StringBuilder();
        foreach (var c in ticketEvent.GetType().Name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    private static string MethodWords(ContactMethod method) => method switch
    {
        ContactMethod.InPerson => "in person",
        ContactMethod.TextMessage => "text message",
        _ => method.ToString().ToLowerInvariant(),
    };
}
