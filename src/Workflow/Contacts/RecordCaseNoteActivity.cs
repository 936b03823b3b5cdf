using TicketFlow.Durable;

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
        await caseNotes.UpsertAsync(input, context.CancellationToken);
        return true;
    }
}
