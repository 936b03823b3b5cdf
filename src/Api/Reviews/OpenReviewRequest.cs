namespace TicketFlow.Api.Reviews;

/// <summary>A Services and Supports review request from the TPM.</summary>
/// <param name="ReviewId">The EN's id for the review.</param>
/// <param name="ReceivedOn">The date the EN received the request.</param>
/// <param name="DueOn">The TPM's due date for the response.</param>
/// <param name="TicketNumbers">The sampled tickets.</param>
public sealed record OpenReviewRequest(string ReviewId, DateOnly ReceivedOn, DateOnly DueOn, IReadOnlyList<string> TicketNumbers);
