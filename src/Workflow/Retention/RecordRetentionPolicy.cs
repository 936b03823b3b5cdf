using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Agenda;

namespace TicketFlow.Workflow.Retention;

/// <summary>
/// The EN may destroy a ticketholder's records three years after unassignment (EN Guide, "Storing IWPs", TPA Part III,
/// Section 11.K): on that date the ticket's records are retained no longer than the EN's policy says.
/// </summary>
public static class RecordRetentionPolicy
{
    /// <summary>The end of the retention period, while the ticket is unassigned.</summary>
    /// <param name="state">The ticket.</param>
    /// <param name="calculator">The rulebook's calculator.</param>
    /// <returns>The retention item, if any.</returns>
    public static IEnumerable<AgendaItem> Items(TicketState state, DeadlineCalculator calculator)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calculator);
        if (state.Status != TicketStatus.Unassigned || state.UnassignedOn is not { } unassignedOn)
        {
            yield break;
        }

        var mayDestroy = calculator.Compute(RuleIds.RecordRetention, unassignedOn);
        yield return new AgendaItem(mayDestroy.Date, 0, AgendaItemKind.RetentionPeriodEnds, mayDestroy.Rule.Id,
            Audience.ComplianceContact, null, $"{mayDestroy.Rule.Id}@{unassignedOn:yyyy-MM-dd}|ends");
    }
}
