using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Agenda;

namespace TicketFlow.Workflow.Earnings;

/// <summary>
/// Earnings checkpoints (SSA's IWP summary, "Individual Work Plan", paragraph 5): monthly earnings at or above TWL by the 10th
/// month after the IWP is signed, and at or above SGA after the first year of work. On those dates the ticket's workflow
/// compares the recorded monthly earnings with the rulebook's amount for the year (<see cref="EarningsCheckpoint"/>) and
/// tells staff, and the compliance contact too when earnings are below the amount, missing, or the year has no amounts.
/// </summary>
public static class EarningsCheckpointPolicy
{
    /// <summary>The checkpoints still ahead for an assigned ticket.</summary>
    /// <param name="state">The ticket.</param>
    /// <param name="calculator">The rulebook's calculator.</param>
    /// <returns>The checkpoint items.</returns>
    public static IEnumerable<AgendaItem> Items(TicketState state, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calculator);
        if (state.Status is not (TicketStatus.InitialJobAcquisition or TicketStatus.OngoingSupport))
        {
            yield break;
        }

        var hour = state.Settings.Reminders.ReminderHour;
        if (state.IwpSignedOn is { } signedOn)
        {
            var twl = calculator.Compute(RuleIds.TwlEarningsGoal, signedOn);
            yield return new AgendaItem(twl.Date, hour, AgendaItemKind.EarningsCheckpoint, twl.Rule.Id, Audience.Staff, null,
                $"{twl.Rule.Id}@{signedOn:yyyy-MM-dd}|checkpoint");
        }

        if (state.WorkStartedOn is { } workStartedOn)
        {
            var sga = calculator.Compute(RuleIds.SgaEarningsGoal, workStartedOn);
            yield return new AgendaItem(sga.Date, hour, AgendaItemKind.EarningsCheckpoint, sga.Rule.Id, Audience.Staff, null,
                $"{sga.Rule.Id}@{workStartedOn:yyyy-MM-dd}|checkpoint");
        }
    }
}
