using System.Text.RegularExpressions;
using TicketFlow.Functions.Storage.Blobs;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Functions.Storage.Documents;

/// <summary>
/// <see cref="IDocumentStore"/> on one blob container. Blob names come only from ids:
/// tickets/{ticketId}/{kind}/{documentId}, so all of a ticket's documents list with one prefix, and a
/// user-supplied file name can never choose where something is written.
/// </summary>
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
        var info = (await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken).ConfigureAwait(false)).Value;
        var properties = (await blob.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value;
        return new DocumentReference(
            ticketId,
            kind,
            documentId,
            contentType,
            properties.ContentLength,
            Convert.ToBase64String(info.ContentHash),
            info.LastModified == default ? timeProvider.GetUtcNow() : info.LastModified);
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(DocumentReference document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blob = container.GetBlobClient(BlobName(document.TicketId, document.Kind, document.DocumentId));
        var download = (await blob.DownloadStreamingAsync(cancellationToken).ConfigureAwait(false)).Value;
        var stored = download.Details.ContentHash is { } hash ? Convert.ToBase64String(hash) : null;
        if (stored != document.ContentHash)
        {
            await download.DisposeAsync().ConfigureAwait(false);
            throw new BlobContentHashMismatchException(blob.Uri, document.ContentHash, stored ?? "(none)");
        }

        return download.Content;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentReference>> ListAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        var prefix = "tickets/" + CheckId(ticketId, nameof(ticketId)) + "/";
        var result = new List<DocumentReference>();
        await foreach (var item in container.GetBlobsAsync(prefix, cancellationToken).ConfigureAwait(false))
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
                item.Properties.ContentLength,
                item.Properties.ContentHash is { } hash ? Convert.ToBase64String(hash) : string.Empty,
                item.Properties.LastModified));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(DocumentReference document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blob = container.GetBlobClient(BlobName(document.TicketId, document.Kind, document.DocumentId));
        return (await blob.DeleteIfExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
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
