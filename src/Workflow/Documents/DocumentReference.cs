namespace TicketFlow.Workflow.Documents;

/// <summary>Where a stored document is and what it is; keep it in the record the document belongs to.</summary>
/// <param name="TicketId">The ticket the document belongs to.</param>
/// <param name="Kind">What the document is.</param>
/// <param name="DocumentId">TicketFlow's id for the document (never a user-supplied file name).</param>
/// <param name="ContentType">The MIME type, e.g. application/pdf.</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="ContentHash">The MD5 of the content (base64), checked whenever it is read back.</param>
/// <param name="StoredAt">When it was stored.</param>
public sealed record DocumentReference(
    string TicketId,
    DocumentKind Kind,
    string DocumentId,
    string ContentType,
    long Length,
    string ContentHash,
    DateTimeOffset StoredAt);
