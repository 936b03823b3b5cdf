namespace TicketFlow.Infrastructure.Email;

/// <summary>
/// The custom_args TicketFlow puts on every SendGrid message. SendGrid copies them into each Event Webhook event,
/// which is how a bounce finds its reminder.
/// </summary>
internal static class SendGridCustomArgs
{
    public const string SendKey = "ticketflow_send_key";
    public const string TicketId = "ticket_id";
    public const string ReminderId = "reminder_id";
    public const string EmploymentNetworkId = "en_id";
    public const string Template = "template";
}
