namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>The first answer to a POST with an <c>Idempotency-Key</c>, kept to answer its repeats.</summary>
/// <param name="Scope">Whose key it is (the caller's EN, or the administrator): keys of different callers never collide.</param>
/// <param name="Key">The caller's idempotency key.</param>
/// <param name="RequestHash">SHA-256 of the request's method, path, query and body: a repeat must match it.</param>
/// <param name="StatusCode">The first answer's status; 0 while the first request is still being processed.</param>
/// <param name="ContentType">The first answer's content type.</param>
/// <param name="Location">The first answer's Location header, if any.</param>
/// <param name="Body">The first answer's body.</param>
/// <param name="CreatedAt">When the first request arrived.</param>
public sealed record IdempotencyRecord(
    string Scope,
    string Key,
    string RequestHash,
    int StatusCode,
    string? ContentType,
    string? Location,
    byte[] Body,
    DateTimeOffset CreatedAt)
{
    /// <summary>Whether the first request is still being processed.</summary>
    public bool InProgress => StatusCode == 0;
}
