using TicketFlow.Durable;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Workflow.ServicesAndSupportsReviews;

/// <summary>Writes a review's status, packages and sent date. Idempotent: the same values replace the same record.</summary>
public sealed class RecordServicesAndSupportsReviewActivity(IServicesAndSupportsReviewRepository reviews)
    : TaskActivity<RecordServicesAndSupportsReviewActivity.Change, bool>
{
    /// <summary>The change to write.</summary>
    /// <param name="EnPid">The EN.</param>
    /// <param name="ReviewId">The review.</param>
    /// <param name="Status">The new status.</param>
    /// <param name="Packages">The package of each ticket.</param>
    /// <param name="SentOn">The date the response was sent, once it was.</param>
    public sealed record Change(
        string EnPid, string ReviewId, ServicesAndSupportsReviewStatus Status, IReadOnlyDictionary<string, DocumentReference> Packages, DateOnly? SentOn);

    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, Change input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (await reviews.FindAsync(input.EnPid, input.ReviewId, context.CancellationToken) is not { } review)
        {
            return false;
        }

        await reviews.UpsertAsync(review with { Status = input.Status, Packages = input.Packages, SentOn = input.SentOn }, context.CancellationToken);
        return true;
    }
}
