namespace TicketFlow.Workflow.ServicesAndSupportsReviews;

/// <summary>An EN's S&amp;S review requests.</summary>
public interface IServicesAndSupportsReviewRepository
{
    /// <summary>Finds a review.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="reviewId">The review.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The review, or null.</returns>
    Task<ServicesAndSupportsReview?> FindAsync(string enPid, string reviewId, CancellationToken cancellationToken);

    /// <summary>Records a new review request.</summary>
    /// <param name="review">The review.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    /// <exception cref="RecordAlreadyExistsException">The EN already has a review with this id.</exception>
    Task AddAsync(ServicesAndSupportsReview review, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a review.</summary>
    /// <param name="review">The review.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task UpsertAsync(ServicesAndSupportsReview review, CancellationToken cancellationToken);

    /// <summary>Lists an EN's reviews.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reviews, by id.</returns>
    Task<IReadOnlyList<ServicesAndSupportsReview>> ListAsync(string enPid, CancellationToken cancellationToken);
}
