namespace TicketFlow.Functions.Storage.Blobs;

/// <summary>The standard HTTP properties stored with a blob.</summary>
public sealed class BlobHttpHeaders
{
    /// <summary>The MIME type, e.g. application/pdf.</summary>
    public string? ContentType { get; set; }

    /// <summary>The MD5 of the whole content, checked on every download.</summary>
    public byte[]? ContentHash { get; set; }

    /// <summary>The Content-Disposition returned on download, e.g. attachment; filename="iwp.pdf".</summary>
    public string? ContentDisposition { get; set; }
}
