using TicketFlow.Workflow.Contacts;

namespace TicketFlow.Api.Tickets;

/// <summary>
/// A contact attempt or a two-way contact, as it goes into the case notes, with the evidence an S&amp;S review asks for.
/// </summary>
/// <param name="On">The date of the contact.</param>
/// <param name="Method">How the EN reached out.</param>
/// <param name="StaffId">Who made it.</param>
/// <param name="TwoWay">Whether the ticketholder responded.</param>
/// <param name="Notes">What was discussed and done.</param>
/// <param name="Time">The local time of the contact, HH:mm, when known.</param>
/// <param name="ContactDetail">The telephone number, email or postal address used.</param>
/// <param name="DurationMinutes">How long it took, in minutes.</param>
/// <param name="MessageLeft">The message left when the ticketholder was not reached.</param>
/// <param name="ServicesProvided">The services and supports provided in the contact.</param>
/// <param name="Attachments">Documents attached as evidence.</param>
public sealed record ContactRequest(
    DateOnly On,
    ContactMethod Method,
    string StaffId,
    bool TwoWay,
    string Notes,
    string? Time = null,
    string? ContactDetail = null,
    int? DurationMinutes = null,
    string? MessageLeft = null,
    IReadOnlyList<string>? ServicesProvided = null,
    IReadOnlyList<AttachmentUpload>? Attachments = null);
