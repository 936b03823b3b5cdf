using System.Collections.Concurrent;
using System.Security.Cryptography;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Workflow.Tests.Support;

/// <summary>Documents in memory (the blob-backed store is tested against Azurite in TicketFlow.Functions.Tests).</summary>
public sealed class InMemoryDocumentStore(TimeProvider time) : IDocumentStore
{
    public ConcurrentDictionary<(string, DocumentKind, string), (DocumentReference Reference, byte[] Content)> Documents { get; } = new();

    public async Task<DocumentReference> SaveAsync(string ticketId, DocumentKind kind, string documentId, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var reference = new DocumentReference(ticketId, kind, documentId, contentType, bytes.Length, Convert.ToBase64String(SHA256.HashData(bytes)), time.GetUtcNow());
        Documents[(ticketId, kind, documentId)] = (reference, bytes);
        return reference;
    }

    public Task<Stream> OpenReadAsync(DocumentReference document, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new MemoryStream(Documents[(document.TicketId, document.Kind, document.DocumentId)].Content, writable: false));

    public Task<IReadOnlyList<DocumentReference>> ListAsync(string ticketId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DocumentReference>>([.. Documents.Values.Where(d => d.Reference.TicketId == ticketId).Select(d => d.Reference)]);

    public Task<bool> DeleteAsync(DocumentReference document, CancellationToken cancellationToken = default) =>
        Task.FromResult(Documents.TryRemove((document.TicketId, document.Kind, document.DocumentId), out _));
}
