using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Workflow.Tickets.Agenda;

/// <summary>
/// Turns a change in a ticket's open deadlines into the deadline records to write: a deadline that opened is written
/// open; one an event closed is written met (on time or late, with the days late) when the event is what the rule asks
/// for, and otherwise cancelled before its due date or missed after it (two-way contact stops the unassignment clock:
/// the EN no longer has to unassign). A follow-up period the agenda itself rolled over is written missed.
/// </summary>
public static class DeadlineChanges
{
    /// <summary>The records to write.</summary>
    /// <param name="settings">The ticket's settings.</param>
    /// <param name="before">The open deadlines before the change.</param>
    /// <param name="after">The open deadlines after it.</param>
    /// <param name="cause">The event that caused it, or null for a change the agenda made.</param>
    /// <returns>The records.</returns>
    public static IReadOnlyList<DeadlineRecord> Between(
        TicketSettings settings, IReadOnlyList<OpenDeadline> before, IReadOnlyList<OpenDeadline> after, TicketEvent? cause)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var beforeKeys = before.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var afterKeys = after.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var records = new List<DeadlineRecord>();
        foreach (var opened in after.Where(d => !beforeKeys.Contains(d.Key)))
        {
            records.Add(Record(settings, opened, DeadlineState.Open));
        }

        if (cause is not null)
        {
            foreach (var closed in before.Where(d => !afterKeys.Contains(d.Key)))
            {
                // Late work stays visible: a deadline met after its due date is met late, with the days late, and
                // one closed by something else after its due date was missed, never "met" or "cancelled".
                records.Add(Record(settings, closed, DeadlineState.Open).SettledOn(cause.On, Satisfies(closed.RuleId, cause)));
            }
        }

        return records;
    }

    /// <summary>The record of a deadline in a state.</summary>
    /// <param name="settings">The ticket's settings.</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="state">Its state.</param>
    /// <returns>The record.</returns>
    public static DeadlineRecord Record(TicketSettings settings, OpenDeadline deadline, DeadlineState state)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(deadline);
        return new(settings.EnPid, settings.TicketNumber, deadline.RuleId, deadline.ClockStartedOn, deadline.DueOn, state, settings.StaffId);
    }

    private static bool Satisfies(string ruleId, TicketEvent cause) => (ruleId, cause) switch
    {
        (RuleIds.IwpSubmission, IwpSubmitted or PortalAssignmentRecorded) => true,
        (RuleIds.TicketAssignment, PortalAssignmentRecorded) => true,
        (RuleIds.PmReview, ReviewDecisionRecorded) => true,
        (RuleIds.IjaFollowUp or RuleIds.OspFollowUp, ContactAttemptRecorded { TwoWay: true }) => true,
        (RuleIds.IjaUnassign or RuleIds.OspUnassign, TicketUnassigned) => true,
        _ => false,
    };
}
