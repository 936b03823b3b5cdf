namespace TicketFlow.Workflow.Documents;

/// <summary>
/// Keeps signed documents (Azure Blob Storage in the host). Documents are named from ids only, grouped by ticket,
/// and their content is checked against the stored hash whenever it is read.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores a document; storing the same id again replaces it.</summary>
    /// <param name="ticketId">The ticket it belongs to.</param>
    /// <param name="kind">What it is.</param>
    /// <param name="documentId">TicketFlow's id for it.</param>
    /// <param name="content">The content, read to the end.</param>
    /// <param name="contentType">The MIME type.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The reference to keep with the record.</returns>
    Task<DocumentReference> SaveAsync(string ticketId, DocumentKind kind, string documentId, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Opens a document for reading; reading it to the end fails if the content does not match its hash.</summary>
    /// <param name="document">The reference returned when it was saved.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content stream; dispose it when done.</returns>
    Task<Stream> OpenReadAsync(DocumentReference document, CancellationToken cancellationToken = default);

    /// <summary>Every document stored for a ticket.</summary>
    /// <param name="ticketId">The ticket.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The documents, grouped by kind.</returns>
    Task<IReadOnlyList<DocumentReference>> ListAsync(string ticketId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a document (e.g. after the retention period).</summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if it existed.</returns>
    Task<bool> DeleteAsync(DocumentReference document, CancellationToken cancellationToken = default);
}
