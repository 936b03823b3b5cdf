using System.Text.Json.Nodes;

namespace TicketFlow.Testing.Fixtures;

/// <summary>SendGrid Event Webhook events as SendGrid posts them, for the verifier's and the endpoint's tests.</summary>
public static class SendGridEvents
{
    /// <summary>The tests' clock: events are stamped a minute before it, inside the webhook's freshness window.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public static JsonObject Event(string id, string kind, string template = "ContactAttemptDue", string reminder = "R1") => new()
    {
        ["email"] = "alex@example.net",
        ["timestamp"] = Now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["event"] = kind,
        ["sg_event_id"] = id,
        ["sg_message_id"] = "msg-" + id,
        ["reason"] = kind == "bounce" ? "550 5.1.1 mailbox does not exist" : null,
        ["ticket_id"] = "T-42",
        ["reminder_id"] = reminder,
        ["en_id"] = "EN-7",
        ["template"] = template,
    };
}
