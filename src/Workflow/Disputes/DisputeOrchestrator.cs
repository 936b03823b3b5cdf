using Microsoft.DurableTask;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes.Events;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Disputes;

/// <summary>
/// A dispute between an EN and a State VR agency brought to the PM (20 CFR 411.435(c)): the PM recommends within the
/// rulebook's days of receiving the written request; after the recommendation either party may ask SSA for a decision
/// within the rulebook's days; the dispute closes as resolved, decision requested, or window expired.
/// </summary>
/// <param name="calculator">The rulebook's calculator.</param>
public sealed class DisputeOrchestrator(DeadlineCalculator calculator) : TaskOrchestrator<DisputeSettings, DisputeStatus>
{
    /// <inheritdoc />
    public override async Task<DisputeStatus> RunAsync(TaskOrchestrationContext context, DisputeSettings input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var dispute = new DisputeRun(context, input, new EnTimeZone(input.TimeZoneId));

        // (c)(2): "The PM has 20 calendar days after receiving a written request to recommend a resolution."
        var recommendationDue = calculator.Compute(RuleIds.DisputeRecommendation, input.RequestReceivedOn);
        await dispute.RecordDeadlineAsync(recommendationDue, DeadlineState.Open);
        var answer = await dispute.AwaitAsync(recommendationDue, DisputeStatus.AwaitingRecommendation, windowMayExpire: false);
        if (answer is DisputeResolved resolvedEarly)
        {
            await dispute.RecordDeadlineAsync(recommendationDue, resolvedEarly.On, done: false);
            return await dispute.CloseAsync(resolvedEarly, DisputeStatus.Resolved, recommendationOn: null);
        }

        var recommendation = (RecommendationReceived)answer!;
        await dispute.RecordDeadlineAsync(recommendationDue, recommendation.On, done: true);
        await dispute.RecordChangeAsync(recommendation, DisputeStatus.RecommendationReceived, recommendation.On, closedOn: null, TicketChangeOutcome.Done);

        // (c)(2): "...the EN or the State VR agency has 30 calendar days after receiving the PM's recommendation to
        // request a decision by us on the matter in dispute."
        var window = calculator.Compute(RuleIds.DisputeDecisionRequest, recommendation.On);
        await dispute.RecordDeadlineAsync(window, DeadlineState.Open);
        var outcome = await dispute.AwaitAsync(window, DisputeStatus.RecommendationReceived, windowMayExpire: true);
        switch (outcome)
        {
            case DecisionRequested requested:
                await dispute.RecordDeadlineAsync(window, requested.On, done: true);
                return await dispute.CloseAsync(requested, DisputeStatus.DecisionRequested, recommendation.On);
            case DisputeResolved resolved:
                await dispute.RecordDeadlineAsync(window, resolved.On, done: false);
                return await dispute.CloseAsync(resolved, DisputeStatus.Resolved, recommendation.On);
            default:
                await dispute.RecordDeadlineAsync(window, DeadlineState.Expired);
                var expiredOn = window.Date.AddDays(1);
                return await dispute.CloseAsync(new DisputeResolved(expiredOn, "system"), DisputeStatus.WindowExpired, recommendation.On);
        }
    }

    /// <summary>The orchestration's I/O, through activities, for one run.</summary>
    private sealed class DisputeRun(TaskOrchestrationContext context, DisputeSettings settings, EnTimeZone zone)
    {
        private string Subject => $"Dispute {settings.DisputeId} with {settings.StateVrAgency}";

        /// <summary>
        /// Waits for an event the status allows until the deadline, reminding staff at the configured offsets. When the
        /// deadline passes: an optional window expires (null); a deadline someone owes is marked overdue, the compliance
        /// contact is told, and the wait goes on.
        /// </summary>
        public async Task<DisputeEvent?> AwaitAsync(Deadline deadline, DisputeStatus status, bool windowMayExpire)
        {
            var reminders = settings.Reminders.DisputeDaysBefore.Distinct()
                .Select(days => (On: deadline.Date.AddDays(-days), Days: days))
                .Where(r => r.On >= zone.DateOf(context.CurrentUtcDateTime))
                .OrderBy(r => r.On)
                .ToList();
            var overdue = false;
            while (true)
            {
                DateTimeOffset? wakeAt = reminders.Count > 0
                    ? zone.InstantOf(reminders[0].On, settings.Reminders.ReminderHour)
                    : overdue ? null : zone.InstantOf(deadline.Date.AddDays(1), 0);
                var message = await context.EventOrTimeAsync<DisputeEventMessage>(nameof(DisputeEventMessage), wakeAt);
                if (message is not null)
                {
                    var refusal = DisputeTransitions.Check(status, message.Event, out _);
                    if (refusal is null)
                    {
                        return message.Event;
                    }

                    await RecordChangeAsync(message.Event, status, null, null, $"refused: {refusal}");
                    continue;
                }

                if (reminders.Count > 0)
                {
                    await RemindAsync(deadline, $"remind-{reminders[0].Days}d", Audience.Staff, EmailTemplateId.DisputeDeadline, deadline.Explanation);
                    reminders.RemoveAt(0);
                    continue;
                }

                if (windowMayExpire)
                {
                    return null;
                }

                overdue = true;
                await RecordDeadlineAsync(deadline, DeadlineState.Overdue);
                await RemindAsync(deadline, "overdue", Audience.ComplianceContact, EmailTemplateId.DeadlineMissed, $"The due date passed: {deadline.Explanation}");
            }
        }

        public async Task<DisputeStatus> CloseAsync(DisputeEvent closing, DisputeStatus status, DateOnly? recommendationOn)
        {
            await RecordChangeAsync(closing, status, recommendationOn, closing.On, TicketChangeOutcome.Done);
            return status;
        }

        public Task<bool> RecordChangeAsync(DisputeEvent e, DisputeStatus status, DateOnly? recommendationOn, DateOnly? closedOn, string outcome) =>
            context.CallActivityAsync<bool>(
                nameof(RecordDisputeChangeActivity),
                new DisputeChange(settings.EnPid, settings.DisputeId, status, recommendationOn, closedOn,
                    $"{context.InstanceId}:{context.NewGuid():N}", context.CurrentUtcDateTime, e.Actor, Describe(e, status), outcome),
                TaskRetries.Standard);

        public Task<int> RecordDeadlineAsync(Deadline deadline, DeadlineState state) =>
            context.CallActivityAsync<int>(
                nameof(RecordDeadlinesActivity),
                new[] { RecordOf(deadline, state) },
                TaskRetries.Standard);

        /// <summary>Settles a deadline: met on time or late when <paramref name="done"/>, otherwise cancelled or missed.</summary>
        public Task<int> RecordDeadlineAsync(Deadline deadline, DateOnly on, bool done) =>
            context.CallActivityAsync<int>(
                nameof(RecordDeadlinesActivity),
                new[] { RecordOf(deadline, DeadlineState.Open).SettledOn(on, done) },
                TaskRetries.Standard);

        private DeadlineRecord RecordOf(Deadline deadline, DeadlineState state) =>
            new(settings.EnPid, SubjectIdFor(settings.DisputeId), deadline.Rule.Id, deadline.ClockStartDate, deadline.Date, state, null);

        private Task<int> RemindAsync(Deadline deadline, string kind, Audience audience, EmailTemplateId template, string details) =>
            context.CallActivityAsync<int>(
                nameof(SendReminderActivity),
                new ReminderRequest(settings.EnPid, $"{context.InstanceId}|{deadline.Rule.Id}@{deadline.ClockStartDate:yyyy-MM-dd}|{kind}",
                    template, audience, null, Subject, null, deadline.Date, details),
                TaskRetries.Standard);

        private static string Describe(DisputeEvent e, DisputeStatus status) => e switch
        {
            RecommendationReceived => "record PM recommendation",
            DecisionRequested => "record SSA decision request",
            DisputeResolved when status == DisputeStatus.WindowExpired => "close: decision-request window expired",
            _ => "record dispute resolved",
        };
    }

    /// <summary>The subject id of a dispute's deadline records (distinct from any ticket number).</summary>
    /// <param name="disputeId">The dispute.</param>
    /// <returns>The subject id.</returns>
    public static string SubjectIdFor(string disputeId) => $"dispute:{disputeId}";
}
