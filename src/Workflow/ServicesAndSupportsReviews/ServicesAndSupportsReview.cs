using TicketFlow.Workflow.Documents;

namespace TicketFlow.Workflow.ServicesAndSupportsReviews;

/// <summary>
/// A Services and Supports review request from the TPM's Program Integrity office: for each sampled ticketholder the EN
/// sends the IWP, its amendments and the case notes of the window (Program Integrity webinar, "Services and Supports
/// Request"; EN Guide, "Tips for a Successful Services and Supports Review").
/// </summary>
/// <param name="EnPid">The EN.</param>
/// <param name="ReviewId">The review's id, unique within the EN.</param>
/// <param name="ReceivedOn">The date the EN received the request: the case-note window ends on it.</param>
/// <param name="DueOn">The TPM's due date for the response.</param>
/// <param name="TicketNumbers">The sampled tickets.</param>
/// <param name="Status">Where the review stands.</param>
/// <param name="Packages">The package document of each ticket, once built.</param>
/// <param name="SentOn">The date the EN sent the response.</param>
public sealed record ServicesAndSupportsReview(
    string EnPid,
    string ReviewId,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    IReadOnlyList<string> TicketNumbers,
    ServicesAndSupportsReviewStatus Status,
    IReadOnlyDictionary<string, DocumentReference> Packages,
    DateOnly? SentOn);
