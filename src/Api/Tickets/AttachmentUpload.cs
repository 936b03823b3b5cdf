namespace TicketFlow.Api.Tickets;

/// <summary>A document attached to a case note as evidence, sent inside the JSON request.</summary>
/// <param name="ContentType">application/pdf, image/png, image/jpeg or image/tiff.</param>
/// <param name="ContentBase64">The document's bytes, base64-encoded (at most 10 MB decoded).</param>
public sealed record AttachmentUpload(string ContentType, string ContentBase64);
