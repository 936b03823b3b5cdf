namespace TicketFlow.Workflow.ServicesAndSupportsReviews;

/// <summary>The EN sent its response to the S&amp;S review to the TPM.</summary>
/// <param name="On">The date it was sent.</param>
/// <param name="Actor">Who reported it.</param>
public sealed record ServicesAndSupportsReviewSent(DateOnly On, string Actor);
