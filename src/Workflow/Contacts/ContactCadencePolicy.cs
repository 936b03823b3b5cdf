using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Agenda;

namespace TicketFlow.Workflow.Contacts;

/// <summary>
/// Follow-up with an assigned ticketholder (EN Guide, Section 4, "Regular Follow-Up"; Program Integrity webinar,
/// "Two-way Communication"): two-way contact at least once a period (a month in Initial Job Acquisition, three months
/// in Ongoing Support), with at least three attempts in a period without it. Without two-way contact, or when the
/// ticketholder asks for no contact, the ticket must be unassigned within the phase's days from the initial contact
/// attempt.
/// </summary>
public static class ContactCadencePolicy
{
    /// <summary>The follow-up deadline of the current period and, when the clock runs, the unassignment deadline.</summary>
    /// <param name="state">The ticket.</param>
    /// <param name="calculator">The rulebook's calculator.</param>
    /// <returns>The open deadlines.</returns>
    public static IEnumerable<OpenDeadline> OpenDeadlines(TicketState state, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calculator);
        if (state.Status is not (TicketStatus.InitialJobAcquisition or TicketStatus.OngoingSupport) || state.Phase is not { } phase)
        {
            yield break;
        }

        var cadence = calculator.Rulebook.CadenceFor(phase);
        var reminders = state.Settings.Reminders;

        // A ticketholder who asked for no contact is not chased for follow-up; only the unassignment clock runs.
        if (state.NoContactRequestedOn is null && state.FollowUpPeriodStartedOn is { } periodStart)
        {
            var followUp = calculator.Compute(cadence.FollowUpRuleId, periodStart);
            yield return new OpenDeadline(
                followUp.Rule.Id, periodStart, followUp.Date, followUp.Explanation,
                phase == ServicePhase.InitialJobAcquisition
                    ? reminders.InitialJobAcquisitionContactDaysBefore
                    : reminders.OngoingSupportContactDaysBefore,
                Audience.Staff, Audience.ComplianceContact);
        }

        if ((state.InitialContactAttemptOn ?? state.NoContactRequestedOn) is { } clockStart)
        {
            var unassign = calculator.Compute(cadence.UnassignRuleId, clockStart);
            yield return new OpenDeadline(
                unassign.Rule.Id, clockStart, unassign.Date, unassign.Explanation,
                reminders.UnassignmentDaysBefore, Audience.Staff, Audience.ComplianceContact);
        }
    }
}
