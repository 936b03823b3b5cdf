using Microsoft.DurableTask;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.ServicesAndSupportsReviews;

/// <summary>
/// A Services and Supports review request: for each sampled ticketholder a package of the IWP, its amendments and the
/// case notes of the window is built and stored; the EN's staff are reminded before the TPM's due date until the
/// response is marked sent, and the compliance contact is told if the due date passes first.
/// </summary>
/// <param name="calculator">The rulebook's calculator (the case-note window).</param>
public sealed class ServicesAndSupportsReviewOrchestrator(DeadlineCalculator calculator)
    : TaskOrchestrator<ServicesAndSupportsReviewSettings, ServicesAndSupportsReviewStatus>
{
    /// <summary>The deadline records' rule id for the response: the date is the TPM's, given in the request.</summary>
    public const string ResponseRuleId = "ss-review-response";

    /// <inheritdoc />
    public override async Task<ServicesAndSupportsReviewStatus> RunAsync(TaskOrchestrationContext context, ServicesAndSupportsReviewSettings input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var zone = new EnTimeZone(input.TimeZoneId);
        var windowStart = calculator.Compute(RuleIds.CaseNoteWindow, input.ReceivedOn).Date;
        var deadline = new DeadlineRecord(input.EnPid, SubjectIdFor(input.ReviewId), ResponseRuleId, input.ReceivedOn, input.DueOn, DeadlineState.Open, null);
        await context.CallActivityAsync<int>(nameof(RecordDeadlinesActivity), new[] { deadline }, TaskRetries.Standard);

        var built = await Task.WhenAll(input.TicketNumbers.Select(ticket => context.CallActivityAsync<DocumentReference>(
            nameof(BuildServicesAndSupportsPackageActivity),
            new PackageRequest(input.EnPid, input.ReviewId, ticket, input.ReceivedOn, windowStart),
            TaskRetries.Standard)));
        var packages = input.TicketNumbers.Zip(built).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        await RecordAsync(context, input, ServicesAndSupportsReviewStatus.Ready, packages, null);

        var reminders = input.Reminders.ServicesAndSupportsReviewDaysBefore.Distinct()
            .Select(days => (On: input.DueOn.AddDays(-days), Days: days))
            .Where(r => r.On >= zone.DateOf(context.CurrentUtcDateTime))
            .OrderBy(r => r.On)
            .ToList();
        var overdueTold = false;

        // Bounded history: one pass per reminder, one for the overdue notice, then a single wait for the sending.
#pragma warning disable DURABLE0011
        while (true)
#pragma warning restore DURABLE0011
        {
            DateTimeOffset? wakeAt = reminders.Count > 0
                ? zone.InstantOf(reminders[0].On, input.Reminders.ReminderHour)
                : overdueTold ? null : zone.InstantOf(input.DueOn.AddDays(1), 0);
            var sent = await context.EventOrTimeAsync<ServicesAndSupportsReviewSent>(nameof(ServicesAndSupportsReviewSent), wakeAt);
            if (sent is not null)
            {
                await context.CallActivityAsync<int>(nameof(RecordDeadlinesActivity), new[] { deadline.SettledOn(sent.On, done: true) }, TaskRetries.Standard);
                await RecordAsync(context, input, ServicesAndSupportsReviewStatus.Sent, packages, sent.On);
                return ServicesAndSupportsReviewStatus.Sent;
            }

            var (kind, audience, template) = reminders.Count > 0
                ? ($"remind-{reminders[0].Days}d", Audience.Staff, EmailTemplateId.ServicesAndSupportsReviewDue)
                : ("overdue", Audience.ComplianceContact, EmailTemplateId.DeadlineMissed);
            if (reminders.Count > 0)
            {
                reminders.RemoveAt(0);
            }
            else
            {
                overdueTold = true;
                await context.CallActivityAsync<int>(nameof(RecordDeadlinesActivity), new[] { deadline with { State = DeadlineState.Overdue } }, TaskRetries.Standard);
            }

            await context.CallActivityAsync<int>(
                nameof(SendReminderActivity),
                new ReminderRequest(input.EnPid, $"{context.InstanceId}|{kind}", template, audience, null,
                    $"Services and Supports review {input.ReviewId} ({input.TicketNumbers.Count} ticketholders)", null, input.DueOn,
                    $"The response is due to the TPM on {input.DueOn:yyyy-MM-dd}. Case notes from {windowStart:yyyy-MM-dd} (or all, for tickets served for less time) through {input.ReceivedOn:yyyy-MM-dd}."),
                TaskRetries.Standard);
        }
    }

    /// <summary>The subject id of a review's deadline records.</summary>
    /// <param name="reviewId">The review.</param>
    /// <returns>The subject id.</returns>
    public static string SubjectIdFor(string reviewId) => $"ssreview:{reviewId}";

    private static Task<bool> RecordAsync(
        TaskOrchestrationContext context, ServicesAndSupportsReviewSettings input, ServicesAndSupportsReviewStatus status,
        IReadOnlyDictionary<string, DocumentReference> packages, DateOnly? sentOn) =>
        context.CallActivityAsync<bool>(
            nameof(RecordServicesAndSupportsReviewActivity),
            new RecordServicesAndSupportsReviewActivity.Change(input.EnPid, input.ReviewId, status, packages, sentOn),
            TaskRetries.Standard);
}
