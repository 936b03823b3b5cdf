namespace TicketFlow.Workflow.Documents;

/// <summary>The documents an EN keeps for a ticket and must be able to show in a Services and Supports review.</summary>
public enum DocumentKind
{
    /// <summary>An Individual Work Plan signed by the ticketholder and the EN (Form SSA-1370).</summary>
    SignedIwp,

    /// <summary>A signed amendment to an IWP.</summary>
    IwpAmendment,

    /// <summary>A written dispute request to the Program Manager.</summary>
    DisputeRequest,

    /// <summary>The copy of the EN / State VR agreement attached to a dispute request.</summary>
    DisputeAgreementCopy,

    /// <summary>The Program Manager's written recommendation in a dispute.</summary>
    PmRecommendation,

    /// <summary>A Services and Supports review package assembled for SSA.</summary>
    ServicesAndSupportsReviewPackage,

    /// <summary>A document attached to a case note as evidence of a contact or a service.</summary>
    CaseNoteAttachment,

    /// <summary>Evidence of a month's earnings: a pay stub, an employer's report or the ticketholder's signed statement.</summary>
    EarningsEvidence,
}
