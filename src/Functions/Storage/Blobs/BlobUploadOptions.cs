namespace TicketFlow.Functions.Storage.Blobs;

/// <summary>How <see cref="BlobClient.UploadAsync(Stream, BlobUploadOptions?, CancellationToken)"/> stores content.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>Content type and disposition; the content hash is computed by the upload and need not be set.</summary>
    public BlobHttpHeaders? HttpHeaders { get; set; }

    /// <summary>Name-value metadata stored with the blob (names must be C# identifiers).</summary>
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Whether an existing blob may be replaced; false makes the upload fail with 409 if it exists.</summary>
    public bool Overwrite { get; set; } = true;

    /// <summary>Content up to this size goes in one Put Blob request; larger content goes in blocks.</summary>
    public long SingleUploadThresholdBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The size of each block for a block upload (the service allows up to 4,000 MiB per block).</summary>
    public int BlockSizeBytes { get; set; } = 4 * 1024 * 1024;
}
