using Microsoft.DurableTask;
using TicketFlow.Workflow.Audit;

namespace TicketFlow.Workflow.Disputes;

/// <summary>Writes a dispute's new status and the audit entry. Idempotent: same values, fixed audit entry id.</summary>
public sealed class RecordDisputeChangeActivity(IDisputeRepository disputes, IAuditTrail audit) : TaskActivity<DisputeChange, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DisputeChange input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        var ct = CancellationToken.None;
        if (await disputes.FindAsync(input.EnPid, input.DisputeId, ct) is { } dispute)
        {
            await disputes.UpsertAsync(
                dispute with { Status = input.Status, RecommendationReceivedOn = input.RecommendationReceivedOn, ClosedOn = input.ClosedOn },
                ct);
        }

        await audit.AppendAsync(
            new AuditEntry(input.EnPid, input.AuditEntryId, input.At, input.Actor, input.Action, $"dispute {input.DisputeId}", input.Outcome), ct);
        return true;
    }
}
