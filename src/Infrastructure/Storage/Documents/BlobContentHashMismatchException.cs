namespace TicketFlow.Infrastructure.Storage.Documents;

/// <summary>A downloaded blob's content does not match the MD5 stored with it: the document is corrupt or was altered.</summary>
public sealed class BlobContentHashMismatchException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="blobUri">The blob.</param>
    /// <param name="expected">The stored hash (base64).</param>
    /// <param name="actual">The hash of the bytes received (base64).</param>
    public BlobContentHashMismatchException(Uri blobUri, string expected, string actual)
        : base($"The content of {blobUri} does not match its stored MD5 (stored {expected}, received {actual}); the document may be corrupt.")
    {
        BlobUri = blobUri;
    }

    /// <summary>The blob whose content failed the check.</summary>
    public Uri? BlobUri { get; }
}
