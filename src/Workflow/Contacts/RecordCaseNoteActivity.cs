using Microsoft.DurableTask;

namespace TicketFlow.Workflow.Contacts;

/// <summary>
/// Writes a case note that arrived with its ticket event. Idempotent: the note's id is its key, so a retried
/// activity replaces the note with itself.
/// </summary>
public sealed class RecordCaseNoteActivity(ICaseNoteRepository caseNotes) : TaskActivity<CaseNote, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseNote input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        await caseNotes.UpsertAsync(input, CancellationToken.None);
        return true;
    }
}
