namespace TicketFlow.Workflow.Calendar;

/// <summary>
/// The known one-off closures by Executive Order. They are data, not rules: add a row when the President closes
/// federal offices for a day (the TPM and Program Integrity do not count such a day as a business day).
/// </summary>
/// <remarks>
/// The list holds the closures issue 2 names. Earlier closures (for example 2018-12-05, the National Day of
/// Mourning for President George H. W. Bush) are deliberately not listed yet: add them with their order when a
/// deadline before 2019 matters.
/// </remarks>
public static class FederalClosures
{
    /// <summary>The known closures, in date order.</summary>
    public static IReadOnlyList<FederalClosure> Known { get; } =
    [
        new(new DateOnly(2019, 12, 24), "Christmas Eve closure", "Executive Order, December 2019"),
        new(new DateOnly(2020, 12, 24), "Christmas Eve closure", "Executive Order, December 2020"),
        new(new DateOnly(2025, 1, 9), "National Day of Mourning for President Jimmy Carter closure", "Executive Order, December 2024"),
        new(new DateOnly(2025, 12, 24), "Christmas Eve closure", "Executive Order, December 2025"),
        new(new DateOnly(2025, 12, 26), "Day after Christmas closure", "Executive Order, December 2025"),
    ];
}
