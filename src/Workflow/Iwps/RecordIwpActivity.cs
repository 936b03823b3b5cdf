using Microsoft.DurableTask;

namespace TicketFlow.Workflow.Iwps;

/// <summary>
/// Writes an IWP or amendment record that arrived with its ticket event. Idempotent: the record's id is its key, so a
/// retried activity replaces the record with itself.
/// </summary>
public sealed class RecordIwpActivity(IIwpRepository iwps) : TaskActivity<IwpRecord, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, IwpRecord input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        await iwps.UpsertAsync(input, CancellationToken.None);
        return true;
    }
}
