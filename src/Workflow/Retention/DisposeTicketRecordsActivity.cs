using System.Globalization;
using Microsoft.DurableTask;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.Earnings;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Ticketholders;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Workflow.Retention;

/// <summary>
/// Destroys a ticketholder's records after retention: every document, IWP record, case note, earnings record and deadline of the
/// ticket and the ticketholder's record. The ticket record stays, without the ticketholder's id, with status
/// RecordsDisposed, and an audit entry says what was deleted in counts only (no personal information).
/// Idempotent: deleting what is gone deletes nothing, and the audit entry's id is fixed.
/// </summary>
public sealed class DisposeTicketRecordsActivity(
    ITicketRepository tickets,
    ITicketholderRepository ticketholders,
    IIwpRepository iwps,
    ICaseNoteRepository caseNotes,
    IDeadlineRepository deadlines,
    IDocumentStore documents,
    IAuditTrail audit,
    IEarningsRepository earnings) : TaskActivity<TicketDisposal, int>
{
    /// <summary>The ticketholder id a disposed ticket keeps: the link to the person is gone.</summary>
    public const string DisposedTicketholderId = "disposed";

    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, TicketDisposal input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        var ct = CancellationToken.None;
        var deletedDocuments = 0;
        foreach (var document in await documents.ListAsync(DocumentFolders.ForTicket(input.EnPid, input.TicketNumber), ct))
        {
            deletedDocuments += await documents.DeleteAsync(document, ct) ? 1 : 0;
        }

        var deletedIwps = await iwps.DeleteAllAsync(input.EnPid, input.TicketNumber, ct);
        var deletedNotes = await caseNotes.DeleteAllAsync(input.EnPid, input.TicketNumber, ct);
        var deletedDeadlines = await deadlines.DeleteForSubjectAsync(input.EnPid, input.TicketNumber, ct);
        var deletedEarnings = await earnings.DeleteAllAsync(input.EnPid, input.TicketNumber, ct);
        if (await tickets.FindAsync(input.EnPid, input.TicketNumber, ct) is { } ticket)
        {
            if (ticket.TicketholderId != DisposedTicketholderId)
            {
                await ticketholders.DeleteAsync(input.EnPid, ticket.TicketholderId, ct);
            }

            await tickets.UpsertAsync(ticket with { TicketholderId = DisposedTicketholderId, Status = TicketStatus.RecordsDisposed }, ct);
        }

        var total = deletedDocuments + deletedIwps + deletedNotes + deletedDeadlines + deletedEarnings;
        await audit.AppendAsync(
            new AuditEntry(input.EnPid, input.AuditEntryId, input.At, input.Actor, "dispose records after retention",
                $"ticket {input.TicketNumber}",
                string.Create(CultureInfo.InvariantCulture,
                    $"done: {deletedDocuments} documents, {deletedIwps} IWP records, {deletedNotes} case notes, {deletedDeadlines} deadlines, {deletedEarnings} earnings records and the ticketholder record deleted")),
            ct);
        return total;
    }
}
