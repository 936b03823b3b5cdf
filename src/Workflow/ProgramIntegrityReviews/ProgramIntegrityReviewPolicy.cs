using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Agenda;

namespace TicketFlow.Workflow.ProgramIntegrityReviews;

/// <summary>
/// Program Integrity reviews an IWP within the rulebook's business days from its receipt (EN Guide, "Submitting
/// IWPs"). The clock is the TPM's, so nobody is reminded before it; when it passes without a decision, the EN's staff
/// are told to follow up with the TPM.
/// </summary>
public static class ProgramIntegrityReviewPolicy
{
    /// <summary>The review deadline, while the IWP is under review.</summary>
    /// <param name="state">The ticket.</param>
    /// <param name="calculator">The rulebook's calculator.</param>
    /// <returns>The open deadline, if any.</returns>
    public static IEnumerable<OpenDeadline> OpenDeadlines(TicketState state, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calculator);
        if (state.Status != TicketStatus.UnderReview || state.TpmReceivedOn is not { } receivedOn)
        {
            yield break;
        }

        var deadline = calculator.Compute(RuleIds.PmReview, receivedOn);
        yield return new OpenDeadline(
            deadline.Rule.Id, receivedOn, deadline.Date, deadline.Explanation, [], Audience.Staff, Audience.Staff);
    }
}
