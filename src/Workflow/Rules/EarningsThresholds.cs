namespace TicketFlow.Workflow.Rules;

/// <summary>The monthly earnings levels SSA publishes for one calendar year, in whole US dollars.</summary>
/// <param name="Year">The calendar year the amounts apply to.</param>
/// <param name="TrialWorkLevelMonthly">Trial Work Level (TWL): the short-term goal's floor.</param>
/// <param name="SubstantialGainfulActivityMonthly">Substantial Gainful Activity (SGA), non-blind: the long-term goal's floor.</param>
/// <param name="SubstantialGainfulActivityBlindMonthly">SGA for statutorily blind individuals.</param>
public sealed record EarningsThresholds(
    int Year,
    decimal TrialWorkLevelMonthly,
    decimal SubstantialGainfulActivityMonthly,
    decimal SubstantialGainfulActivityBlindMonthly)
{
    /// <summary>The SGA amount that applies to a ticketholder, blind or not.</summary>
    public decimal SubstantialGainfulActivityFor(bool statutorilyBlind) =>
        statutorilyBlind ? SubstantialGainfulActivityBlindMonthly : SubstantialGainfulActivityMonthly;
}
