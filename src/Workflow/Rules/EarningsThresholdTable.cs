namespace TicketFlow.Workflow.Rules;

/// <summary>
/// TWL and SGA amounts by year. SSA announces next year's amounts each October: add one row here.
/// </summary>
public static class EarningsThresholdTable
{
    /// <summary>Where the amounts come from.</summary>
    public static Citation Citation { get; } = new(
        SeedDocuments.QualityIwpWebinar2025,
        "Case Note Example",
        "SSA's published monthly amounts (listed in issue 2); the webinar's example confirms the 2025 SGA: \"the current SGA amount of $1,620\". Goals compare with the amounts of the goal's year.");

    /// <summary>The known years, oldest first.</summary>
    public static IReadOnlyList<EarningsThresholds> Known { get; } =
    [
        new(2024, TrialWorkLevelMonthly: 1_110m, SubstantialGainfulActivityMonthly: 1_550m, SubstantialGainfulActivityBlindMonthly: 2_590m),
        new(2025, TrialWorkLevelMonthly: 1_160m, SubstantialGainfulActivityMonthly: 1_620m, SubstantialGainfulActivityBlindMonthly: 2_700m),
        new(2026, TrialWorkLevelMonthly: 1_210m, SubstantialGainfulActivityMonthly: 1_690m, SubstantialGainfulActivityBlindMonthly: 2_830m),
    ];
}
