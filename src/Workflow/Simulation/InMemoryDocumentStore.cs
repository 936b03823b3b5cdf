using System.Collections.Concurrent;
using System.Security.Cryptography;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Workflow.Simulation;

/// <summary>Documents in memory, for simulations and tests (production keeps them in Blob Storage).</summary>
/// <param name="time">Stamps each stored document.</param>
public sealed class InMemoryDocumentStore(TimeProvider time) : IDocumentStore
{
    /// <summary>The stored documents by folder, kind and id.</summary>
    public ConcurrentDictionary<(string, DocumentKind, string), (DocumentReference Reference, byte[] Content)> Documents { get; } = new();

    /// <inheritdoc />
    public async Task<DocumentReference> SaveAsync(string ticketId, DocumentKind kind, string documentId, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var reference = new DocumentReference(ticketId, kind, documentId, contentType, bytes.Length, Convert.ToBase64String(SHA256.HashData(bytes)), time.GetUtcNow());
        Documents[(ticketId, kind, documentId)] = (reference, bytes);
        return reference;
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(DocumentReference document, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new MemoryStream(Documents[(document.TicketId, document.Kind, document.DocumentId)].Content, writable: false));

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentReference>> ListAsync(string ticketId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DocumentReference>>([.. Documents.Values.Where(d => d.Reference.TicketId == ticketId).Select(d => d.Reference)]);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(DocumentReference document, CancellationToken cancellationToken = default) =>
        Task.FromResult(Documents.TryRemove((document.TicketId, document.Kind, document.DocumentId), out _));
}
