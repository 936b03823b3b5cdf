namespace TicketFlow.Workflow.Iwps;

/// <summary>
/// An Individual Work Plan with the parts of Form SSA-1370 that the EN Guide describes. This is the one definition
/// of the IWP's JSON shape (see <see cref="IwpJson"/>; published as schemas/iwp.schema.json). Every member is optional
/// in the shape: what a compliant IWP must contain is decided by <see cref="IwpComplianceChecker"/>, which reports a
/// missing part as a finding rather than refusing the file.
/// </summary>
public sealed record Iwp
{
    /// <summary>Part One: the EN's contact information, PID and business model.</summary>
    public IwpEmploymentNetwork? EmploymentNetwork { get; init; }

    /// <summary>Part One: the ticketholder's contact information.</summary>
    public IwpTicketholder? Ticketholder { get; init; }

    /// <summary>Part One: an alternate contact for the ticketholder.</summary>
    public IwpAlternateContact? AlternateContact { get; init; }

    /// <summary>Part Two, Section 1: the one-on-one discussion summary.</summary>
    public IwpDiscussion? Discussion { get; init; }

    /// <summary>Part Two, Section 2: the ticketholder's recent work history.</summary>
    public IwpWorkHistory? WorkHistory { get; init; }

    /// <summary>Part Two, Section 3: the vocational goal and the short- and long-term goals.</summary>
    public IwpGoals? Goals { get; init; }

    /// <summary>Part Two, Section 4: the services and supports, one entry per service box on the form.</summary>
    public IReadOnlyList<IwpService>? Services { get; init; }

    /// <summary>Part Three: the terms and conditions, including the statements 20 CFR 411.465(a)(3)-(10) requires.</summary>
    public IwpTermsAndConditions? TermsAndConditions { get; init; }

    /// <summary>Part Three: the statement of understanding, written from the ticketholder's point of view.</summary>
    public string? StatementOfUnderstanding { get; init; }

    /// <summary>Part Three: the EN's and the ticketholder's signatures and dates.</summary>
    public IwpSignatures? Signatures { get; init; }
}
