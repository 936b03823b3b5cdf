namespace TicketFlow.Workflow.Contacts;

/// <summary>
/// One entry of a ticket's case notes: the evidence of a contact attempt or a two-way contact, or a service note on the
/// supports provided, that an S&amp;S review asks for (Program Integrity webinar "Creating Quality IWPs", "Case Note
/// Documentation"; EN Guide for Working with Ticketholders, "Tips for a Successful Services and Supports Review").
/// Besides the date, method and what was discussed, a note can carry the time, the number or address used, the
/// duration, the message left, the services provided and attachments as evidence.
/// </summary>
/// <param name="EnPid">The EN.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="NoteId">The note's id, unique within the ticket.</param>
/// <param name="On">The date of the contact.</param>
/// <param name="Kind">Attempt, two-way contact, no-contact request, or a general note.</param>
/// <param name="Method">How the EN reached out, if it was a contact.</param>
/// <param name="StaffId">Who made the contact or wrote the note.</param>
/// <param name="Notes">What was discussed, what was done, what comes next.</param>
public sealed record CaseNote(
    string EnPid,
    string TicketNumber,
    string NoteId,
    DateOnly On,
    CaseNoteKind Kind,
    ContactMethod? Method,
    string StaffId,
    string Notes)
{
    /// <summary>The local time of the contact (EN time zone), when known.</summary>
    public TimeOnly? Time { get; init; }

    /// <summary>The telephone number, email or postal address used to reach the ticketholder.</summary>
    public string? ContactDetail { get; init; }

    /// <summary>How long the contact (or the service) took, in minutes.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>The message left when the ticketholder was not reached (a voicemail, a letter's text).</summary>
    public string? MessageLeft { get; init; }

    /// <summary>The services and supports provided in this contact or session (for example "resume review").</summary>
    public IReadOnlyList<string>? ServicesProvided { get; init; }

    /// <summary>Documents attached as evidence (a letter sent, a screenshot of a text, a sign-in sheet).</summary>
    public IReadOnlyList<Documents.DocumentReference>? Attachments { get; init; }
}
