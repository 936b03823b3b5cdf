using Microsoft.DurableTask;

namespace TicketFlow.Workflow.Deadlines;

/// <summary>
/// Writes the deadline records one event or agenda item changed (opened, met, overdue, cancelled), in one write.
/// Idempotent: a record's identity fixes its due date, so writing it again only sets the same state.
/// </summary>
public sealed class RecordDeadlinesActivity(IDeadlineRepository deadlines) : TaskActivity<IReadOnlyList<DeadlineRecord>, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<DeadlineRecord> input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        await deadlines.UpsertAsync(input, CancellationToken.None);
        return input.Count;
    }
}
