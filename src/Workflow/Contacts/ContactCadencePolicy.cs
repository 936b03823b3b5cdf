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
            var unassign = calculator.Compute(UnassignmentCadence(state, calculator)!.UnassignRuleId, clockStart);

            // The reminders before unassignment go to the compliance contact as well (ReminderOptions.UnassignmentDaysBefore).
            yield return new OpenDeadline(
                unassign.Rule.Id, clockStart, unassign.Date, unassign.Explanation,
                reminders.UnassignmentDaysBefore, Audience.StaffAndComplianceContact, Audience.ComplianceContact);
        }
    }

    /// <summary>
    /// The cadence whose unassignment rule applies to the running clock. A clock that started in Initial Job Acquisition
    /// keeps the 60-day rule after a move to Ongoing Support: a phase change never moves an open unassignment date later
    /// (the rulebook's convention: the earlier date is the safe one). Null when the ticket is not in a phase.
    /// </summary>
    /// <param name="state">The ticket.</param>
    /// <param name="calculator">The rulebook's calculator.</param>
    /// <returns>The cadence, or null.</returns>
    public static ContactCadence? UnassignmentCadence(TicketState state, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calculator);
        var rulebook = calculator.Rulebook;
        if (state.Phase is not { } phase)
        {
            return null;
        }

        var current = rulebook.CadenceFor(phase);
        if ((state.InitialContactAttemptOn ?? state.NoContactRequestedOn) is not { } clockStart || state.PhaseStartedOn is not { } phaseStart || clockStart >= phaseStart)
        {
            return current;
        }

        // The clock started in an earlier phase: of the two phases' dates, the earlier stands.
        return rulebook.ContactCadences
            .Where(c => c.Phase <= phase)
            .OrderBy(c => calculator.Compute(c.UnassignRuleId, clockStart).Date)
            .First();
    }

    /// <summary>
    /// The contact attempts on record towards an unassignment for lost contact: the most attempts since the last two-way
    /// contact that fall within one period of the cadence in force (a month, or three months), against its minimum.
    /// </summary>
    /// <param name="state">The ticket.</param>
    /// <param name="calculator">The rulebook's calculator.</param>
    /// <returns>The count, or null when the ticket is not assigned.</returns>
    public static ContactAttemptCount? Attempts(TicketState state, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calculator);
        if (state.Status is not (TicketStatus.InitialJobAcquisition or TicketStatus.OngoingSupport) || UnassignmentCadence(state, calculator) is not { } cadence)
        {
            return null;
        }

        var attempts = state.AttemptsSinceTwoWayContact.IsDefault ? [] : state.AttemptsSinceTwoWayContact;
        var most = 0;
        foreach (var first in attempts)
        {
            var periodEnds = first.AddMonths(cadence.PeriodMonths);
            most = Math.Max(most, attempts.Count(a => a >= first && a < periodEnds));
        }

        return new ContactAttemptCount(most, cadence.MinimumAttempts, cadence.PeriodMonths, state.NoContactRequestedOn is not null, cadence.Citation.Source);
    }
}
