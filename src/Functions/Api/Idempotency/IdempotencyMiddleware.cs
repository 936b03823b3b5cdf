using System.Security.Cryptography;
using System.Text;
using TicketFlow.Functions.Api.Security;

namespace TicketFlow.Functions.Api.Idempotency;

/// <summary>
/// Makes POSTs that carry an <c>Idempotency-Key</c> header safe to retry: the first answer is stored; a repeat with
/// the same key and the same request gets that answer again without running the endpoint; a repeat with the same key
/// and a different request gets 422; a repeat while the first is still running gets 409. A first request that ends in
/// a server error releases the key, since nothing was changed and the caller should be able to retry.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IIdempotencyStore store, TimeProvider time)
{
    /// <summary>The header that carries the key.</summary>
    public const string HeaderName = "Idempotency-Key";

    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) ||
            !context.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            await WriteProblem(context, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"The {HeaderName} header must be one value of 1 to {MaxKeyLength} visible ASCII characters.");
            return;
        }

        var scope = context.User.FindFirst(CallerClaims.EnPid)?.Value
            ?? (context.User.HasClaim(c => c.Type == CallerClaims.Administrator) ? "admin" : null);
        if (scope is null)
        {
            // Unauthenticated requests are refused by authorization; they never claim a key.
            await next(context);
            return;
        }

        var requestHash = await HashRequestAsync(context.Request, context.RequestAborted);
        var claim = new IdempotencyRecord(scope, key, requestHash, 0, null, null, [], time.GetUtcNow());
        var existing = await store.TryClaimAsync(claim, context.RequestAborted);
        if (existing is not null)
        {
            await AnswerRepeatAsync(context, existing, requestHash);
            return;
        }

        await RunAndStoreAsync(context, claim);
    }

    private async Task RunAndStoreAsync(HttpContext context, IdempotencyRecord claim)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await store.ReleaseAsync(claim.Scope, claim.Key, CancellationToken.None);
            throw;
        }

        context.Response.Body = original;
        if (context.Response.StatusCode >= 500)
        {
            await store.ReleaseAsync(claim.Scope, claim.Key, CancellationToken.None);
        }
        else
        {
            // Stored before the answer is sent: a caller who saw the answer can always get it again.
            await store.CompleteAsync(
                claim with
                {
                    StatusCode = context.Response.StatusCode,
                    ContentType = context.Response.ContentType,
                    Location = context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    Body = buffer.ToArray(),
                },
                CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task AnswerRepeatAsync(HttpContext context, IdempotencyRecord existing, string requestHash)
    {
        if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
        {
            await WriteProblem(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                $"This {HeaderName} was already used for a different request. Use a new key for a new request.");
            return;
        }

        if (existing.InProgress)
        {
            await WriteProblem(context, StatusCodes.Status409Conflict, "Request in progress",
                $"The first request with this {HeaderName} is still being processed. Retry shortly.");
            return;
        }

        context.Response.StatusCode = existing.StatusCode;
        context.Response.ContentType = existing.ContentType;
        if (existing.Location is not null)
        {
            context.Response.Headers.Location = existing.Location;
        }

        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(existing.Body, context.RequestAborted);
    }

    private static async Task<string> HashRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task WriteProblem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title)
            .ExecuteAsync(context);
}
