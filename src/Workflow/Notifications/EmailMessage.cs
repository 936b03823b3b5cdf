namespace TicketFlow.Workflow.Notifications;

/// <summary>
/// An email to send: who to, which template with which facts, and the ids that tie it to a ticket and reminder.
/// Each recipient gets a separate message.
/// </summary>
/// <param name="IdempotencyKey">
/// Stable for the logical email (e.g. the reminder id plus its due date): a retried activity passes the same key,
/// and a key already sent to a recipient is not sent to them again.
/// </param>
/// <param name="To">The recipients (at least one).</param>
/// <param name="TemplateId">The template.</param>
/// <param name="Model">The facts the template uses.</param>
public sealed record EmailMessage(string IdempotencyKey, IReadOnlyList<EmailAddress> To, EmailTemplateId TemplateId, EmailTemplateModel Model)
{
    /// <summary>The ticket this email concerns; carried to the provider so delivery events can be matched.</summary>
    public string? TicketId { get; init; }

    /// <summary>The reminder this email is; delivery events are recorded against it.</summary>
    public string? ReminderId { get; init; }

    /// <summary>The Employment Network the email is sent for.</summary>
    public string? EmploymentNetworkId { get; init; }

    /// <summary>Extra categories for reporting (the template's category is always added).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}
