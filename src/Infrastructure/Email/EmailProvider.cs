namespace TicketFlow.Infrastructure.Email;

/// <summary>Where emails go.</summary>
public enum EmailProvider
{
    /// <summary>Written as .eml files under the outbox folder (the embedded default: no account needed).</summary>
    Outbox,

    /// <summary>Sent through SendGrid's v3 Mail Send API.</summary>
    SendGrid,
}
