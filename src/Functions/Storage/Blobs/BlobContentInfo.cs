using Azure;

namespace TicketFlow.Functions.Storage.Blobs;

/// <summary>What the service reports after an upload.</summary>
/// <param name="ETag">The blob's new version.</param>
/// <param name="LastModified">When it was written.</param>
/// <param name="ContentHash">The MD5 stored with it.</param>
/// <param name="BlockCount">How many blocks were uploaded (0 for a single Put Blob).</param>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified, byte[] ContentHash, int BlockCount);
