using TicketFlow.Durable;

namespace TicketFlow.Workflow.Deadlines;

/// <summary>
/// Writes deadline records (opened, met, overdue, cancelled). Idempotent: a record's identity fixes its due date, so
/// writing it again only sets the same state.
/// </summary>
public sealed class RecordDeadlinesActivity(IDeadlineRepository deadlines) : TaskActivity<IReadOnlyList<DeadlineRecord>, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<DeadlineRecord> input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var record in input)
        {
            await deadlines.UpsertAsync(record, context.CancellationToken);
        }

        return input.Count;
    }
}
