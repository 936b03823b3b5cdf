namespace TicketFlow.Workflow.Notifications;

/// <summary>
/// The emails TicketFlow sends, one template each (<see cref="IEmailTemplateRenderer"/>). Reminders to staff name
/// the ticketholder, the date and what to do; messages to ticketholders are short, plain and invite a reply.
/// </summary>
public enum EmailTemplateId
{
    /// <summary>To a ticketholder: a scheduled check-in asking them to get in touch (two-way contact).</summary>
    CheckIn,

    /// <summary>To EN staff: a contact attempt with a ticketholder is due.</summary>
    ContactAttemptDue,

    /// <summary>To EN staff: a signed IWP must reach the Ticket Program Manager by a date.</summary>
    IwpSubmissionDue,

    /// <summary>To EN staff: contact has been lost and the ticket may have to be unassigned by a date.</summary>
    UnassignmentRisk,

    /// <summary>To EN staff: a step in a dispute with a State VR agency is due.</summary>
    DisputeDeadline,

    /// <summary>To the EN's compliance contact: a deadline is about to be missed.</summary>
    ComplianceEscalation,

    /// <summary>To EN staff: an email to a ticketholder bounced; their address needs attention.</summary>
    AddressNeedsAttention,

    /// <summary>Staff: a deadline passed without what it asks for (sent to the compliance contact).</summary>
    DeadlineMissed,

    /// <summary>Staff: Program Integrity's review time passed without a decision; follow up with the TPM.</summary>
    ReviewFollowUp,

    /// <summary>Staff: an earnings checkpoint (TWL or SGA) has come; verify the ticketholder's earnings.</summary>
    EarningsCheckpoint,

    /// <summary>Compliance contact: a ticketholder's records have passed retention and may be destroyed.</summary>
    RecordsMayBeDestroyed,

    /// <summary>Staff: a Services and Supports review response is due to the TPM.</summary>
    ServicesAndSupportsReviewDue,
}
