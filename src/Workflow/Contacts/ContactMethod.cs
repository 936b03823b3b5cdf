namespace TicketFlow.Workflow.Contacts;

/// <summary>
/// The media that count for two-way communication when the ticketholder responds (Program Integrity webinar,
/// 002_631658ca30a11325.txt, "Two-way Communication"; EN Guide, 003_edfde4bed19f148d.txt, "Regular Follow-Up").
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
