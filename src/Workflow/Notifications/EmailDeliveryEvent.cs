namespace TicketFlow.Workflow.Notifications;

/// <summary>One delivery event for one email, tied to its reminder through the ids sent with the email.</summary>
/// <param name="EventId">The provider's unique event id (SendGrid sg_event_id); used to ignore repeats.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Recipient">The recipient's address.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record EmailDeliveryEvent(string EventId, EmailDeliveryEventKind Kind, string Recipient, DateTimeOffset OccurredAt)
{
    /// <summary>The ticket the email concerned.</summary>
    public string? TicketId { get; init; }

    /// <summary>The reminder the email was.</summary>
    public string? ReminderId { get; init; }

    /// <summary>The Employment Network the email was sent for.</summary>
    public string? EmploymentNetworkId { get; init; }

    /// <summary>The template the email used, if known.</summary>
    public EmailTemplateId? TemplateId { get; init; }

    /// <summary>The provider's reason (bounce or drop reason, deferral response).</summary>
    public string? Reason { get; init; }

    /// <summary>The provider's message id.</summary>
    public string? ProviderMessageId { get; init; }
}
