using System.Globalization;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Api.Tickets;

/// <summary>
/// The evidence fields a contact or service note may carry beyond its date, method and notes: checked with the request's
/// other fields, and put on the case note (attachments stored as the ticket's documents) once the request is accepted.
/// </summary>
internal sealed record CaseNoteEvidence(
    string? Time, string? ContactDetail, int? DurationMinutes, string? MessageLeft, IReadOnlyList<string>? ServicesProvided, IReadOnlyList<AttachmentUpload>? Attachments)
{
    private const int MaxAttachments = 5;
    private const long MaxAttachmentBytes = 10 * 1024 * 1024;
    private static readonly string[] DocumentTypes = ["application/pdf", "image/png", "image/jpeg", "image/tiff"];

    public static CaseNoteEvidence Of(ContactRequest request) =>
        new(request.Time, request.ContactDetail, request.DurationMinutes, request.MessageLeft, request.ServicesProvided, request.Attachments);

    /// <summary>Checks the fields, adding errors to <paramref name="check"/>; returns the decoded attachments.</summary>
    public IReadOnlyList<(string ContentType, byte[] Content)> Validate(ApiValidation check)
    {
        if (Time is not null && !TimeOnly.TryParseExact(Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            check.Add("time", "Must be a local time, HH:mm (24-hour).");
        }

        check.Text("contactDetail", ContactDetail, 254, required: false).Text("messageLeft", MessageLeft, 4000, required: false);
        if (DurationMinutes is < 0 or > 24 * 60)
        {
            check.Add("durationMinutes", "Must be from 0 to 1440 minutes.");
        }

        var services = ServicesProvided ?? [];
        if (services.Count > 20)
        {
            check.Add("servicesProvided", "At most 20 services.");
        }

        for (var i = 0; i < services.Count; i++)
        {
            check.Text(string.Create(CultureInfo.InvariantCulture, $"servicesProvided[{i}]"), services[i], 200);
        }

        var files = new List<(string, byte[])>();
        var attachments = Attachments ?? [];
        if (attachments.Count > MaxAttachments)
        {
            check.Add("attachments", $"At most {MaxAttachments} attachments.");
            return files;
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"attachments[{i}]");
            if (attachments[i] is not { } attachment || !DocumentTypes.Contains(attachment.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                check.Add(field + ".contentType", $"Must be one of {string.Join(", ", DocumentTypes)}.");
                continue;
            }

            try
            {
                var content = Convert.FromBase64String(attachment.ContentBase64 ?? "");
                if (content.Length is 0 || content.Length > MaxAttachmentBytes)
                {
                    check.Add(field + ".contentBase64", $"An attachment holds 1 to {MaxAttachmentBytes} bytes.");
                }
                else
                {
                    files.Add((attachment.ContentType.ToLowerInvariant(), content));
                }
            }
            catch (FormatException)
            {
                check.Add(field + ".contentBase64", "Is not base64.");
            }
        }

        return files;
    }

    /// <summary>The note with the evidence on it; attachments are stored first, under the note's id.</summary>
    public async Task<CaseNote> ApplyAsync(CaseNote note, IReadOnlyList<(string ContentType, byte[] Content)> files, IDocumentStore documents, CancellationToken ct)
    {
        var stored = new List<DocumentReference>();
        for (var i = 0; i < files.Count; i++)
        {
            using var stream = new MemoryStream(files[i].Content, writable: false);
            stored.Add(await documents.SaveAsync(DocumentFolders.ForTicket(note.EnPid, note.TicketNumber), DocumentKind.CaseNoteAttachment,
                string.Create(CultureInfo.InvariantCulture, $"{note.NoteId}-{i + 1}"), stream, files[i].ContentType, ct));
        }

        return note with
        {
            Time = Time is null ? null : TimeOnly.ParseExact(Time, "HH:mm", CultureInfo.InvariantCulture),
            ContactDetail = ContactDetail,
            DurationMinutes = DurationMinutes,
            MessageLeft = MessageLeft,
            ServicesProvided = ServicesProvided is { Count: > 0 } services ? [.. services] : null,
            Attachments = stored.Count > 0 ? stored : null,
        };
    }
}
