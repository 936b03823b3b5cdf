namespace TicketFlow.Api.Earnings;

/// <summary>An evidence document sent inside the JSON request: its type and its bytes in base64.</summary>
/// <param name="ContentType">application/pdf, image/png, image/jpeg or image/tiff.</param>
/// <param name="ContentBase64">The document's bytes, base64-encoded (at most 10 MB decoded).</param>
public sealed record EarningsDocument(string ContentType, string ContentBase64);
