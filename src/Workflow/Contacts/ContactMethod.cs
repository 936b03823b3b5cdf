namespace TicketFlow.Workflow.Contacts;

/// <summary>
/// The media that count for two-way communication when the ticketholder responds (Program Integrity webinar,
/// "Creating Quality IWPs", "Two-way Communication"; EN Guide for Working with Ticketholders, "Regular Follow-Up").
/// </summary>
public enum ContactMethod
{
    /// <summary>An in-person meeting.</summary>
    InPerson,

    /// <summary>A telephone conversation.</summary>
    Phone,

    /// <summary>A personalised email message (TicketFlow's check-in emails are recorded with this method).</summary>
    Email,

    /// <summary>A personalised voicemail received by the ticketholder.</summary>
    Voicemail,

    /// <summary>A personalised text message conversation.</summary>
    TextMessage,

    /// <summary>Computerised or telephone app communication (video calls and the like).</summary>
    App,

    /// <summary>A personalised letter.</summary>
    Letter,
}
