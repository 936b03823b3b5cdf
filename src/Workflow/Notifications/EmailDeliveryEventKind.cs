namespace TicketFlow.Workflow.Notifications;

/// <summary>The delivery outcomes TicketFlow records (from SendGrid's Event Webhook).</summary>
public enum EmailDeliveryEventKind
{
    /// <summary>The receiving server accepted the message.</summary>
    Delivered,

    /// <summary>The receiving server refused the message permanently (e.g. no such mailbox).</summary>
    Bounce,

    /// <summary>The provider did not send the message (e.g. the address bounced before).</summary>
    Dropped,

    /// <summary>The receiving server asked the provider to try again later.</summary>
    Deferred,
}
