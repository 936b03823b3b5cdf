namespace TicketFlow.Workflow.Rules;

/// <summary>
/// File names of the program documents the rules come from (in <c>../shared/seeds</c>; see its README.md for the
/// map). Citations name these files so a reader can open the exact text a rule enforces.
/// </summary>
public static class SeedDocuments
{
    /// <summary>20 CFR 411.435 (EN / State VR agency disputes) and 411.450-411.465 (Individual Work Plans).</summary>
    public const string Regulations = "000_49a2f27d08ba375b.txt";

    /// <summary>SSA summary of the Individual Work Plan (informed choice, TWL and SGA goals, no part-time-only model).</summary>
    public const string IwpSummary = "001_4846ddfc92510596.txt";

    /// <summary>Program Integrity webinar "Creating Quality IWPs", May 21, 2025.</summary>
    public const string QualityIwpWebinar2025 = "002_631658ca30a11325.txt";

    /// <summary>EN Guide for Working with Ticketholders (IWP parts per Form SSA-1370, submission, retention, unassignment).</summary>
    public const string EnGuide = "003_edfde4bed19f148d.txt";

    /// <summary>42 U.S.C. 1320b-19, the Ticket to Work and Self-Sufficiency Program.</summary>
    public const string Statute = "004_e343f27e7b457a80.txt";
}
