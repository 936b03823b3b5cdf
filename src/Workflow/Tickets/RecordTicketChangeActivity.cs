using Microsoft.DurableTask;
using TicketFlow.Workflow.Audit;

namespace TicketFlow.Workflow.Tickets;

/// <summary>
/// Writes a ticket change to the records: the ticket's status and dates (when the change was applied) and the audit
/// entry (always, refusals included, so a disallowed event is never silently dropped). Idempotent: the ticket record
/// is replaced with the same values, and the audit entry's id is fixed by the orchestration.
/// </summary>
public sealed class RecordTicketChangeActivity(ITicketRepository tickets, IAuditTrail audit) : TaskActivity<TicketChange, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, TicketChange input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        var ct = CancellationToken.None;
        if (input.Applied && input.TicketRecordChanged && await tickets.FindAsync(input.EnPid, input.TicketNumber, ct) is { } ticket)
        {
            await tickets.UpsertAsync(
                ticket with
                {
                    Status = input.Status,
                    AssignedOn = input.AssignedOn,
                    PhaseStartedOn = input.PhaseStartedOn,
                    UnassignedOn = input.UnassignedOn,
                },
                ct);
        }

        await audit.AppendAsync(
            new AuditEntry(input.EnPid, input.AuditEntryId, input.At, input.Actor, input.Action, $"ticket {input.TicketNumber}", input.Outcome),
            ct);
        return input.Applied;
    }
}
