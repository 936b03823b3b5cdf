using Microsoft.DurableTask;
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
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        if (await reviews.FindAsync(input.EnPid, input.ReviewId, CancellationToken.None) is not { } review)
        {
            return false;
        }

        await reviews.UpsertAsync(review with { Status = input.Status, Packages = input.Packages, SentOn = input.SentOn }, CancellationToken.None);
        return true;
    }
}
