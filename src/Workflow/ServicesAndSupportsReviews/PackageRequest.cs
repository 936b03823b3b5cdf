namespace TicketFlow.Workflow.ServicesAndSupportsReviews;

/// <summary>One ticketholder's package to build for a review.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="ReviewId">The review.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="ReceivedOn">The date the request was received: the case-note window ends on it.</param>
/// <param name="WindowStartsOn">The first day of the case-note window (the rulebook's months before receipt).</param>
public sealed record PackageRequest(string EnPid, string ReviewId, string TicketNumber, DateOnly ReceivedOn, DateOnly WindowStartsOn);
