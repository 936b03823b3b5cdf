namespace TicketFlow.Api.Iwps;

/// <summary>
/// A signed IWP or amendment as it arrives: its JSON, and the signed document when sent as multipart. Read the same
/// way for both, with the same caps (413), document types (415) and malformed-body answer (400).
/// </summary>
/// <param name="Json">The plan's JSON.</param>
/// <param name="Document">The signed document, if one was uploaded.</param>
internal sealed record IwpUpload(string Json, IFormFile? Document)
{
    /// <summary>Largest IWP JSON accepted.</summary>
    public const long MaxJsonBytes = 1024 * 1024;

    /// <summary>Largest signed document accepted.</summary>
    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>The document types a signed plan may come as: PDF or a scanned image.</summary>
    public static readonly string[] DocumentTypes = ["application/pdf", "image/png", "image/jpeg", "image/tiff"];

    /// <summary>Reads the upload, or the Problem Details that say why it cannot be read.</summary>
    public static async Task<(IwpUpload? Upload, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasJsonContentType())
        {
            if (request.ContentLength > MaxJsonBytes)
            {
                return (null, TypedResults.Problem($"An IWP is at most {MaxJsonBytes} bytes of JSON.", statusCode: 413, title: "Request too large"));
            }

            // Counted as it is read, so a chunked body (no Content-Length) is held to the same cap.
            using var body = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (body.Length + read > MaxJsonBytes)
                {
                    return (null, TypedResults.Problem($"An IWP is at most {MaxJsonBytes} bytes of JSON.", statusCode: 413, title: "Request too large"));
                }

                body.Write(chunk, 0, read);
            }

            return (new IwpUpload(System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length), null), null);
        }

        if (!request.HasFormContentType)
        {
            return (null, TypedResults.Problem("Send the plan as application/json, or as multipart/form-data with an 'iwp' field and a 'document' file.",
                statusCode: 415, title: "Unsupported content type"));
        }

        if (request.ContentLength > MaxDocumentBytes + MaxJsonBytes)
        {
            return (null, TooLarge());
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is (IOException or InvalidDataException) and not BadHttpRequestException)
        {
            return (null, TypedResults.Problem("The multipart body cannot be read: check its boundary and part headers.", statusCode: 400, title: "Malformed multipart body"));
        }

        // The bytes decide, not the claimed type: a document is accepted as what its magic number shows, and only
        // when that is what its sender says it is.
        var document = form.Files.GetFile("document");
        if (document is not null && (!DocumentTypes.Contains(document.ContentType, StringComparer.OrdinalIgnoreCase)
            || !string.Equals(DocumentSignatures.Detect(document), document.ContentType, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, TypedResults.Problem($"The signed document must be one of {string.Join(", ", DocumentTypes)}, and its content must be what its type says (a PDF starts with %PDF-).",
                statusCode: 415, title: "Unsupported document type"));
        }

        if (document is { Length: > MaxDocumentBytes })
        {
            return (null, TooLarge());
        }

        // The plan may come as a field or, as `curl -F iwp=@plan.json` sends it, as a file part.
        var json = form["iwp"].ToString();
        if (json.Length == 0 && form.Files.GetFile("iwp") is { Length: > 0 and <= MaxJsonBytes } planFile)
        {
            using var reader = new StreamReader(planFile.OpenReadStream());
            json = await reader.ReadToEndAsync(ct);
        }

        return (new IwpUpload(json, document), null);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"The signed document is at most {MaxDocumentBytes / 1024 / 1024} MB.", statusCode: 413, title: "Request too large");
}
