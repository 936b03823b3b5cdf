using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Earnings;
using TicketFlow.Workflow.Iwps.Submission;
using TicketFlow.Workflow.ProgramIntegrityReviews;
using TicketFlow.Workflow.Retention;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Tickets.Agenda;

/// <summary>
/// A ticket's agenda: the deadlines its policies hold open and what is to be done about them when. It is a pure
/// function of the ticket's facts and the rulebook, so the orchestration can compute it afresh on every turn.
/// </summary>
/// <param name="calculator">The rulebook's calculator.</param>
public sealed class TicketAgenda(DeadlineCalculator calculator)
{
    /// <summary>The deadlines whose clocks are running for the ticket.</summary>
    /// <param name="state">The ticket.</param>
    /// <returns>The open deadlines.</returns>
    public IReadOnlyList<OpenDeadline> OpenDeadlines(TicketState state) =>
    [
        .. IwpSubmissionPolicy.OpenDeadlines(state, calculator),
        .. ProgramIntegrityReviewPolicy.OpenDeadlines(state, calculator),
        .. ContactCadencePolicy.OpenDeadlines(state, calculator),
    ];

    /// <summary>
    /// The facts the transition table reads, with the contact attempts counted on the rulebook's cadence, so that an
    /// unassignment for lost contact is checked against the attempts on record (the API checks the same published facts).
    /// </summary>
    /// <param name="state">The ticket.</param>
    /// <returns>The facts.</returns>
    public TicketFacts FactsOf(TicketState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Facts with { ContactAttempts = ContactCadencePolicy.Attempts(state, calculator) };
    }

    /// <summary>
    /// Every item not yet handled, in the order they come due. Reminders dated before <paramref name="today"/> are
    /// left out (a reminder is only worth sending on time; a later one, or the overdue mark, follows); overdue marks,
    /// checkpoints and the end of retention are never left out.
    /// </summary>
    /// <param name="state">The ticket.</param>
    /// <param name="today">Today's date in the EN's time zone.</param>
    /// <returns>The items.</returns>
    public IReadOnlyList<AgendaItem> Items(TicketState state, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. Scheduled(state, today).Where(i => !state.Handled.Contains(i.Key))];
    }

    /// <summary>The next item to do, if any.</summary>
    /// <param name="state">The ticket.</param>
    /// <param name="today">Today's date in the EN's time zone.</param>
    /// <returns>The item, or null when nothing is scheduled.</returns>
    public AgendaItem? Next(TicketState state, DateOnly today) => Items(state, today) is [var first, ..] ? first : null;

    /// <summary>
    /// Marks an item handled, and forgets handled items the agenda no longer produces, so the set of handled keys
    /// stays as small as the agenda however long the ticket lives.
    /// </summary>
    /// <param name="state">The ticket.</param>
    /// <param name="handledKey">The key of the item just handled, or null to prune only.</param>
    /// <param name="today">Today's date in the EN's time zone.</param>
    /// <returns>The new state.</returns>
    public TicketState MarkHandled(TicketState state, string? handledKey, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var handled = handledKey is null ? state.Handled : state.Handled.Add(handledKey);
        var scheduled = Scheduled(state, today).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        return state with { Handled = [.. handled.Where(scheduled.Contains)] };
    }

    private List<AgendaItem> Scheduled(TicketState state, DateOnly today)
    {
        var hour = state.Settings.Reminders.ReminderHour;
        var items = new List<AgendaItem>();
        foreach (var deadline in OpenDeadlines(state))
        {
            foreach (var daysBefore in deadline.ReminderDaysBefore.Distinct())
            {
                var on = deadline.DueOn.AddDays(-daysBefore);
                if (on >= today && on >= deadline.ClockStartedOn)
                {
                    items.Add(new AgendaItem(on, hour, AgendaItemKind.Reminder, deadline.RuleId, deadline.ReminderAudience,
                        deadline, $"{deadline.Key}|remind-{daysBefore}d"));
                }
            }

            items.Add(new AgendaItem(deadline.DueOn.AddDays(1), 0, AgendaItemKind.Overdue, deadline.RuleId,
                deadline.OverdueAudience, deadline, $"{deadline.Key}|overdue"));
        }

        items.AddRange(EarningsCheckpointPolicy.Items(state, calculator));
        items.AddRange(RecordRetentionPolicy.Items(state, calculator));
        return [.. items.OrderBy(i => i.On).ThenBy(i => i.Hour).ThenBy(i => i.Key, StringComparer.Ordinal)];
    }
}
