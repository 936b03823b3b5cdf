namespace TicketFlow.Functions.Storage.Blobs;

/// <summary>
/// A download in progress. <see cref="Content"/> checks the stored MD5 as it is read: reading to the end throws
/// <see cref="BlobContentHashMismatchException"/> if the bytes do not match. Dispose it when done.
/// </summary>
/// <param name="Content">The content stream (network-backed, read once).</param>
/// <param name="Details">The blob's properties at the time of the download.</param>
public sealed record BlobDownloadStreamingResult(Stream Content, BlobProperties Details) : IDisposable, IAsyncDisposable
{
    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
