using Azure;

namespace TicketFlow.Functions.Storage.Blobs;

/// <summary>A blob's properties and metadata.</summary>
/// <param name="ContentLength">The size in bytes.</param>
/// <param name="ContentType">The stored MIME type.</param>
/// <param name="ContentHash">The stored MD5 of the whole content, if any.</param>
/// <param name="ETag">The version.</param>
/// <param name="LastModified">When it was last written.</param>
/// <param name="Metadata">Stored name-value metadata.</param>
public sealed record BlobProperties(
    long ContentLength,
    string? ContentType,
    byte[]? ContentHash,
    ETag ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
