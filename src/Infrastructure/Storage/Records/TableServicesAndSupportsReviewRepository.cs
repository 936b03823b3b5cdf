using Azure.Data.Tables;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.ServicesAndSupportsReviews;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>S&amp;S review requests: partitioned by EN.</summary>
internal sealed class TableServicesAndSupportsReviewRepository(RecordTables tables) : IServicesAndSupportsReviewRepository
{
    public Task<ServicesAndSupportsReview?> FindAsync(string enPid, string reviewId, CancellationToken cancellationToken) =>
        tables.Reviews.GetAsync<ServicesAndSupportsReview>(TableKeys.Create(enPid), TableKeys.Create(reviewId), cancellationToken);

    public Task AddAsync(ServicesAndSupportsReview review, CancellationToken cancellationToken) =>
        tables.Reviews.AddAsync(TableKeys.Create(review.EnPid), TableKeys.Create(review.ReviewId), review, $"Review {review.ReviewId}", cancellationToken);

    public Task UpsertAsync(ServicesAndSupportsReview review, CancellationToken cancellationToken) =>
        tables.Reviews.UpsertAsync(TableKeys.Create(review.EnPid), TableKeys.Create(review.ReviewId), review, cancellationToken);

    public async Task<IReadOnlyList<ServicesAndSupportsReview>> ListAsync(string enPid, CancellationToken cancellationToken) =>
        await tables.Reviews.QueryAsync<ServicesAndSupportsReview>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Create(enPid)}"), cancellationToken);
}
