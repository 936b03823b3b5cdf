namespace TicketFlow.Workflow.Calendar;

/// <summary>
/// Every full-day closure of the executive departments by Executive Order since 1990. They are data, not rules: when
/// the President closes federal offices for a day, add one row (the TPM and Program Integrity do not count such a day
/// as a business day). The citation is the order's number (or, where no number could be confirmed, its date) and its
/// Federal Register page where known.
/// </summary>
/// <remarks>
/// Half-day closures (for example Executive Order 13109, December 24, 1998; 13281, December 24, 2002; the order for
/// December 24, 2009; 13713, December 24, 2015) excuse employees for part of the day only: the day is still a business
/// day and is deliberately not listed. The 2001 Christmas Eve and 2007 Ford closures are confirmed by OPM and press
/// reports of the time; their order numbers could not be confirmed, so the rows cite the order by its date.
/// </remarks>
public static class FederalClosures
{
    /// <summary>The known closures, in date order.</summary>
    public static IReadOnlyList<FederalClosure> Known { get; } =
    [
        new(new DateOnly(1994, 4, 27), "National Day of Mourning for President Richard Nixon closure", "Executive Order of April 23, 1994 (59 FR 21915)"),
        new(new DateOnly(2001, 12, 24), "Christmas Eve closure", "Executive Order of December 2001 (President George W. Bush; number not confirmed)"),
        new(new DateOnly(2004, 6, 11), "National Day of Mourning for President Ronald Reagan closure", "Executive Order of June 6, 2004"),
        new(new DateOnly(2007, 1, 2), "National Day of Mourning for President Gerald R. Ford closure", "Executive Order of December 2006 (announced by OPM on December 28, 2006; number not confirmed)"),
        new(new DateOnly(2007, 12, 24), "Christmas Eve closure", "Executive Order 13453 of December 6, 2007"),
        new(new DateOnly(2008, 12, 26), "Day after Christmas closure", "Executive Order 13482 of December 12, 2008"),
        new(new DateOnly(2012, 12, 24), "Christmas Eve closure", "Executive Order 13633 of December 21, 2012 (77 FR 76339)"),
        new(new DateOnly(2014, 12, 26), "Day after Christmas closure", "Executive Order 13682 of December 5, 2014 (79 FR 73459)"),
        new(new DateOnly(2018, 12, 5), "National Day of Mourning for President George H. W. Bush closure", "Executive Order 13852 of December 1, 2018 (83 FR 62687)"),
        new(new DateOnly(2018, 12, 24), "Christmas Eve closure", "Executive Order 13854 of December 18, 2018 (83 FR 65481)"),
        new(new DateOnly(2019, 12, 24), "Christmas Eve closure", "Executive Order 13900 of December 17, 2019 (84 FR 69983)"),
        new(new DateOnly(2020, 12, 24), "Christmas Eve closure", "Executive Order 13965 of December 11, 2020"),
        new(new DateOnly(2024, 12, 24), "Christmas Eve closure", "Executive Order 14129 of December 2024 (89 FR 104857)"),
        new(new DateOnly(2025, 1, 9), "National Day of Mourning for President Jimmy Carter closure", "Executive Order 14133 of December 30, 2024 (90 FR 187)"),
        new(new DateOnly(2025, 12, 24), "Christmas Eve closure", "Executive Order 14371 of December 18, 2025"),
        new(new DateOnly(2025, 12, 26), "Day after Christmas closure", "Executive Order 14371 of December 18, 2025"),
    ];
}
