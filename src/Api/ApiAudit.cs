using TicketFlow.Workflow.Audit;

namespace TicketFlow.Api;

/// <summary>
/// Writes the audit entry of a change made through the API (the workflows audit what they change themselves). The
/// entry holds the caller, the action and the subject, never a ticketholder's personal information.
/// </summary>
internal static class ApiAudit
{
    public static Task RecordAsync(this IAuditTrail audit, string enPid, string actor, string action, string subject, TimeProvider time, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(enPid, $"api:{Guid.NewGuid():N}", time.GetUtcNow(), actor, action, subject, "done"), ct);
}
