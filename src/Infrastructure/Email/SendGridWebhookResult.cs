namespace TicketFlow.Infrastructure.Email;

/// <summary>What the Event Webhook handler did with one request.</summary>
/// <param name="Accepted">False when the request was refused (bad or stale signature, or unreadable).</param>
/// <param name="RejectionReason">Why it was refused.</param>
/// <param name="Recorded">Events recorded.</param>
/// <param name="Duplicates">Events already recorded before (same sg_event_id).</param>
/// <param name="Ignored">Events of kinds TicketFlow does not track (open, click, processed, ...).</param>
public sealed record SendGridWebhookResult(bool Accepted, string? RejectionReason, int Recorded, int Duplicates, int Ignored)
{
    internal static SendGridWebhookResult Refused(string reason) => new(false, reason, 0, 0, 0);
}
