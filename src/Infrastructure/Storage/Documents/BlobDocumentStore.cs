using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Infrastructure.Storage.Documents;

/// <summary>
/// <see cref="IDocumentStore"/> on one blob container. Blob names come only from ids:
/// tickets/{ticketId}/{kind}/{documentId}, so all of a ticket's documents list with one prefix, and a
/// user-supplied file name can never choose where something is written.
/// </summary>
/// <remarks>
/// Every document is stored with its MD5 as the blob's Content-MD5, computed before the upload and sent with it, so
/// the service refuses an upload that arrives different; each request of the upload also carries its own MD5
/// (transfer validation; CRC64, the SDK's other choice, is not supported by Azurite). A read compares the blob's
/// Content-MD5 with the hash in the <see cref="DocumentReference"/> and hashes the bytes as they stream
/// (<see cref="Md5VerifyingStream"/>), since the SDK checks each transfer but not a whole streamed blob.
/// </remarks>
public sealed partial class BlobDocumentStore(BlobContainerClient container, TimeProvider timeProvider) : IDocumentStore
{
    private readonly Lazy<Task> _created = new(() => container.CreateIfNotExistsAsync());

    /// <inheritdoc />
    public async Task<DocumentReference> SaveAsync(string ticketId, DocumentKind kind, string documentId, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var blob = container.GetBlobClient(BlobName(ticketId, kind, documentId));
        await _created.Value.ConfigureAwait(false);

        // The hash goes in the request headers, so it is needed before the first byte is sent: hash a seekable stream in
        // place, buffer any other (documents are capped at 10 MB by the API).
        var buffered = content.CanSeek ? null : new MemoryStream();
        if (buffered is not null)
        {
            await content.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
            buffered.Position = 0;
        }

        var source = buffered ?? content;
        var start = source.Position;
#pragma warning disable CA5351 // The Blob service's Content-MD5 is MD5 by protocol; it guards integrity, not secrecy.
        var md5 = await MD5.HashDataAsync(source, cancellationToken).ConfigureAwait(false);
#pragma warning restore CA5351
        var length = source.Position - start;
        source.Position = start;
        await using (buffered)
        {
            var uploaded = (await blob.UploadAsync(
                source,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentHash = md5 },
                    TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
                },
                cancellationToken).ConfigureAwait(false)).Value;
            return new DocumentReference(
                ticketId,
                kind,
                documentId,
                contentType,
                length,
                Convert.ToBase64String(md5),
                uploaded.LastModified == default ? timeProvider.GetUtcNow() : uploaded.LastModified);
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(DocumentReference document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blob = container.GetBlobClient(BlobName(document.TicketId, document.Kind, document.DocumentId));
        var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        var stored = download.Details.ContentHash is { Length: > 0 } hash ? Convert.ToBase64String(hash) : null;
        if (stored != document.ContentHash)
        {
            download.Dispose();
            throw new BlobContentHashMismatchException(blob.Uri, document.ContentHash, stored ?? "(none)");
        }

        return new Md5VerifyingStream(download.Content, download.Details.ContentHash, download.Details.ContentLength, blob.Uri);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentReference>> ListAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        var prefix = "tickets/" + CheckId(ticketId, nameof(ticketId)) + "/";
        var result = new List<DocumentReference>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            var parts = item.Name[prefix.Length..].Split('/');
            if (parts.Length != 2 || !Enum.TryParse<DocumentKind>(parts[0], out var kind))
            {
                continue; // Not written by this store.
            }

            result.Add(new DocumentReference(
                ticketId,
                kind,
                parts[1],
                item.Properties.ContentType ?? "application/octet-stream",
                item.Properties.ContentLength ?? 0,
                item.Properties.ContentHash is { Length: > 0 } hash ? Convert.ToBase64String(hash) : string.Empty,
                item.Properties.LastModified ?? default));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(DocumentReference document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blob = container.GetBlobClient(BlobName(document.TicketId, document.Kind, document.DocumentId));
        return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>The blob name for a document: tickets/{ticketId}/{kind}/{documentId}.</summary>
    /// <param name="ticketId">The ticket id.</param>
    /// <param name="kind">The document kind.</param>
    /// <param name="documentId">The document id.</param>
    /// <returns>The blob name.</returns>
    /// <exception cref="ArgumentException">An id is not 1-128 letters, digits, '.', '_' or '-' (starting with a letter or digit).</exception>
    public static string BlobName(string ticketId, DocumentKind kind, string documentId) =>
        $"tickets/{CheckId(ticketId, nameof(ticketId))}/{kind}/{CheckId(documentId, nameof(documentId))}";

    private static string CheckId(string id, string paramName) =>
        id is not null && IdPattern().IsMatch(id)
            ? id
            : throw new ArgumentException($"'{id}' is not a valid id for a document name: 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit.", paramName);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex IdPattern();
}
