namespace TicketFlow.Workflow.Rules;

/// <summary>
/// How often the EN must have two-way contact with a ticketholder in one phase, how many attempts it owes before
/// giving up, and which rule then sets the unassignment deadline.
/// </summary>
/// <param name="Phase">The phase this cadence applies to.</param>
/// <param name="PeriodMonths">Two-way contact at least once every this many calendar months (also the window for the attempts).</param>
/// <param name="MinimumAttempts">Contact attempts owed within one period before the EN may treat contact as lost.</param>
/// <param name="FollowUpRuleId">The rule giving the next contact's due date.</param>
/// <param name="UnassignRuleId">The rule giving the unassignment deadline when attempts fail.</param>
/// <param name="Citation">Where it is written.</param>
public sealed record ContactCadence(
    ServicePhase Phase,
    int PeriodMonths,
    int MinimumAttempts,
    string FollowUpRuleId,
    string UnassignRuleId,
    Citation Citation);
