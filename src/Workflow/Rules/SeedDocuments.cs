namespace TicketFlow.Workflow.Rules;

/// <summary>
/// The program documents the rules come from, by the title a reader looks them up under (the Code of Federal
/// Regulations, the United States Code, SSA's and the Ticket Program Manager's publications). Citations name these
/// titles and a section, never a file name: the user has the documents, not TicketFlow's copies of them.
/// </summary>
/// <remarks>
/// The tests map each title to its text in <c>../shared/seeds</c> and check that quoted citations are word for word in it.
/// </remarks>
public static class SeedDocuments
{
    /// <summary>20 CFR Part 411: 411.435 (EN / State VR agency disputes) and 411.450-411.465 (Individual Work Plans).</summary>
    public const string Regulations = "20 CFR Part 411";

    /// <summary>SSA's summary of the Individual Work Plan (informed choice, TWL and SGA goals, no part-time-only model).</summary>
    public const string IwpSummary = "SSA, Ticket to Work: Individual Work Plan (IWP) summary";

    /// <summary>Program Integrity webinar "Creating Quality IWPs", May 21, 2025.</summary>
    public const string QualityIwpWebinar2025 = "Program Integrity webinar \"Creating Quality IWPs\" (May 21, 2025)";

    /// <summary>EN Guide for Working with Ticketholders (IWP parts per Form SSA-1370, submission, retention, unassignment).</summary>
    public const string EnGuide = "EN Guide for Working with Ticketholders";

    /// <summary>42 U.S.C. 1320b-19, the Ticket to Work and Self-Sufficiency Program.</summary>
    public const string Statute = "42 U.S.C. 1320b-19";

    /// <summary>SSA Office of the Chief Actuary, "Substantial Gainful Activity" and "Trial Work Period" amounts (ssa.gov/oact/cola/sga.html, twp.html).</summary>
    public const string SsaEarningsAmounts = "SSA Office of the Chief Actuary, \"Substantial Gainful Activity\" and \"Trial Work Period\" (ssa.gov/oact/cola/sga.html, ssa.gov/oact/cola/twp.html)";

    /// <summary>Every document a citation may name.</summary>
    public static IReadOnlyList<string> All { get; } = [Regulations, IwpSummary, QualityIwpWebinar2025, EnGuide, Statute, SsaEarningsAmounts];
}
