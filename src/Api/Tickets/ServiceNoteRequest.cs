namespace TicketFlow.Api.Tickets;

/// <summary>A note on services and supports provided that is not a contact with the ticketholder (it starts or stops no clock).</summary>
/// <param name="On">The date of the service.</param>
/// <param name="StaffId">Who provided it or wrote the note.</param>
/// <param name="Notes">What was done.</param>
/// <param name="ServicesProvided">The services and supports provided.</param>
/// <param name="DurationMinutes">How long it took, in minutes.</param>
/// <param name="Attachments">Documents attached as evidence.</param>
public sealed record ServiceNoteRequest(
    DateOnly On,
    string StaffId,
    string Notes,
    IReadOnlyList<string>? ServicesProvided = null,
    int? DurationMinutes = null,
    IReadOnlyList<AttachmentUpload>? Attachments = null);
