namespace TicketFlow.Workflow.Tickets;

/// <summary>
/// Where a ticket stands in its lifecycle with the Employment Network. The allowed moves between these are
/// the rows of <see cref="TicketTransitions"/>.
/// </summary>
public enum TicketStatus
{
    /// <summary>The ticketholder and the EN are working on an IWP; it is not signed by both yet.</summary>
    Registered,

    /// <summary>Both parties signed and dated the IWP: the submission window is open.</summary>
    IwpSigned,

    /// <summary>The EN sent the IWP to the Ticket Program Manager.</summary>
    IwpSubmitted,

    /// <summary>The TPM received the IWP and Program Integrity is reviewing it.</summary>
    UnderReview,

    /// <summary>Program Integrity found the IWP not compliant: an amended IWP must be signed and submitted.</summary>
    AmendmentNeeded,

    /// <summary>The ticket is assigned and the ticketholder is in the Initial Job Acquisition phase.</summary>
    InitialJobAcquisition,

    /// <summary>The ticket is assigned and the ticketholder is in the Ongoing Support phase.</summary>
    OngoingSupport,

    /// <summary>The ticket was unassigned; the records are kept while the retention period runs.</summary>
    Unassigned,

    /// <summary>The retention period has ended: the records may be destroyed, and are kept until they are.</summary>
    RecordsRetained,

    /// <summary>Every record holding the ticketholder's personal information has been deleted.</summary>
    RecordsDisposed,
}
