using System.ComponentModel.DataAnnotations;

namespace TicketFlow.Workflow.Rules;

/// <summary>Settings an EN may change in the rulebook. Bound from configuration section <see cref="SectionName"/>.</summary>
public sealed class RulebookOptions
{
    /// <summary>The configuration section: "Rulebook".</summary>
    public const string SectionName = "Rulebook";

    /// <summary>
    /// How many months of case notes a Services and Supports review covers. Default 12, per the Program Integrity
    /// webinar of May 21, 2025; the older EN Guide asks for two to three years (24-36). See rule "ss-case-notes".
    /// </summary>
    [Range(1, 120)]
    public int CaseNoteWindowMonths { get; set; } = 12;

    /// <summary>The EN's IANA time zone, in which instants become dates. Default America/New_York (the TPM's).</summary>
    [Required]
    public string TimeZoneId { get; set; } = Calendar.EnTimeZone.DefaultId;
}
