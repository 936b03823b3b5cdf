namespace TicketFlow.Api;

/// <summary>
/// What an uploaded file is, by its first bytes (its magic number), not by the Content-Type its sender claims: a PDF
/// starts with <c>%PDF-</c>, a PNG with its eight-byte signature, a JPEG with FF D8 FF, a TIFF with II*\0 or MM\0*.
/// </summary>
internal static class DocumentSignatures
{
    private static readonly (string ContentType, byte[] Magic)[] Known =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/tiff", [0x49, 0x49, 0x2A, 0x00]),
        ("image/tiff", [0x4D, 0x4D, 0x00, 0x2A]),
    ];

    /// <summary>The content type the file's bytes show, or null when they show none of the accepted ones.</summary>
    public static string? Detect(IFormFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<byte> head = stackalloc byte[8];
        using var stream = file.OpenReadStream();
        var read = 0;
        while (read < head.Length && stream.Read(head[read..]) is var n and > 0)
        {
            read += n;
        }

        foreach (var (contentType, magic) in Known)
        {
            if (read >= magic.Length && head[..magic.Length].SequenceEqual(magic))
            {
                return contentType;
            }
        }

        return null;
    }
}
