using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Agenda;

namespace TicketFlow.Workflow.Iwps.Submission;

/// <summary>
/// The IWP reaches the TPM no later than the rulebook's window after the later signature; an EN with Ticket Portal
/// rights assigns the ticket within the same window instead (EN Guide, "Submitting IWPs"). Staff are reminded before
/// the due date; the compliance contact is told the day after it passed.
/// </summary>
public static class IwpSubmissionPolicy
{
    /// <summary>The submission (or portal assignment) deadline, while it is open.</summary>
    /// <param name="state">The ticket.</param>
    /// <param name="calculator">The rulebook's calculator.</param>
    /// <returns>The open deadline, if any.</returns>
    public static IEnumerable<OpenDeadline> OpenDeadlines(TicketState state, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calculator);
        if (state.IwpSignedOn is not { } signedOn)
        {
            yield break;
        }

        var portal = state.Settings.AssignsInTicketPortal;
        var open = state.Status == TicketStatus.IwpSigned || (portal && state.Status == TicketStatus.IwpSubmitted);
        if (!open)
        {
            yield break;
        }

        var deadline = calculator.Compute(portal ? RuleIds.TicketAssignment : RuleIds.IwpSubmission, signedOn);
        yield return new OpenDeadline(
            deadline.Rule.Id, signedOn, deadline.Date, deadline.Explanation,
            state.Settings.Reminders.IwpSubmissionDaysBefore, Audience.Staff, Audience.ComplianceContact);
    }
}
