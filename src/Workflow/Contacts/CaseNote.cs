namespace TicketFlow.Workflow.Contacts;

/// <summary>
/// One entry of a ticket's case notes: the evidence of a contact attempt or a two-way contact that an S&amp;S review
/// asks for (002_631658ca30a11325.txt, "Case Note Documentation").
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
    string Notes);
