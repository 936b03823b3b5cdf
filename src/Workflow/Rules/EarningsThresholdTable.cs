namespace TicketFlow.Workflow.Rules;

/// <summary>
/// TWL and SGA amounts by year, as SSA publishes them. SSA announces next year's amounts each October: add one row here.
/// A year without a row has no amounts: checks say so ("no TWL/SGA amounts for 2027") and never use another year's.
/// </summary>
public static class EarningsThresholdTable
{
    /// <summary>Where the amounts come from.</summary>
    public static Citation Citation { get; } = new(
        SeedDocuments.SsaEarningsAmounts,
        "monthly amounts by year (SGA non-blind and blind; the Trial Work Period's monthly earnings, the TWL)",
        "\"the current SGA amount of $1,620\" (" + SeedDocuments.QualityIwpWebinar2025 + ", Case Note Example) confirms 2025; every other amount is SSA's published figure for its year (SSA's annual COLA fact sheets repeat them). Goals compare with the amounts of the goal's year.");

    /// <summary>The known years, oldest first.</summary>
    public static IReadOnlyList<EarningsThresholds> Known { get; } =
    [
        new(2022, TrialWorkLevelMonthly: 970m, SubstantialGainfulActivityMonthly: 1_350m, SubstantialGainfulActivityBlindMonthly: 2_260m),
        new(2023, TrialWorkLevelMonthly: 1_050m, SubstantialGainfulActivityMonthly: 1_470m, SubstantialGainfulActivityBlindMonthly: 2_460m),
        new(2024, TrialWorkLevelMonthly: 1_110m, SubstantialGainfulActivityMonthly: 1_550m, SubstantialGainfulActivityBlindMonthly: 2_590m),
        new(2025, TrialWorkLevelMonthly: 1_160m, SubstantialGainfulActivityMonthly: 1_620m, SubstantialGainfulActivityBlindMonthly: 2_700m),
        new(2026, TrialWorkLevelMonthly: 1_210m, SubstantialGainfulActivityMonthly: 1_690m, SubstantialGainfulActivityBlindMonthly: 2_830m),
    ];
}
