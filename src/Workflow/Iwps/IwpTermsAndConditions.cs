namespace TicketFlow.Workflow.Iwps;

/// <summary>
/// Part Three: the terms and conditions, holding the statements 20 CFR 411.465(a)(3)-(10) requires, each as the
/// text the plan contains.
/// </summary>
public sealed record IwpTermsAndConditions
{
    /// <summary>(a)(3) Terms and conditions related to providing the services and supports.</summary>
    public string? ServiceConditions { get; init; }

    /// <summary>(a)(4) The EN may not request or receive compensation for services from the ticketholder.</summary>
    public string? NoChargeToTicketholder { get; init; }

    /// <summary>(a)(5) When the EN may amend the plan or end the relationship.</summary>
    public string? EnAmendmentOrTermination { get; init; }

    /// <summary>(a)(6) The ticketholder's rights, including taking the ticket back (unassigning it) at any time.</summary>
    public string? TicketholderRights { get; init; }

    /// <summary>(a)(7) Remedies, including advocacy and dispute help through the Protection and Advocacy system.</summary>
    public string? Remedies { get; init; }

    /// <summary>(a)(8) Privacy and confidentiality of personal information, including about the disability.</summary>
    public string? Privacy { get; init; }

    /// <summary>(a)(9) The right to amend the plan by mutual agreement.</summary>
    public string? AmendmentByMutualAgreement { get; init; }

    /// <summary>(a)(10) The right to a copy of the plan, in an accessible format of the ticketholder's choice.</summary>
    public string? AccessibleFormatCopy { get; init; }

    /// <summary>Further terms (SSA-1370, item 15); they must align with the Ticket Program Agreement.</summary>
    public IReadOnlyList<string>? Additional { get; init; }
}
