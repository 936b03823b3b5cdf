namespace TicketFlow.Workflow.ServicesAndSupportsReviews;

/// <summary>Where an S&amp;S review request stands.</summary>
public enum ServicesAndSupportsReviewStatus
{
    /// <summary>The packages are being put together.</summary>
    Preparing,

    /// <summary>Every package is ready; the EN has not marked the response sent.</summary>
    Ready,

    /// <summary>The EN sent the documents to the TPM.</summary>
    Sent,
}
