using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TicketFlow.Api.Security;
using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Api.Idempotency;

/// <summary>
/// Makes POSTs that carry an <c>Idempotency-Key</c> header safe to retry: the first answer is stored; a repeat with
/// the same key and the same request gets that answer again without running the endpoint; a repeat with the same key
/// and a different request gets 422; a repeat while the first is still running gets 409. No claim is permanent: a
/// first request that ends in a server error releases the key, and one that never ends (its host was killed) holds it
/// only for <see cref="ApiOptions.IdempotencyLease"/>; the retry after that runs the endpoint again, which finds the
/// effect the first attempt had (record ids come from the key, <see cref="IdempotentIds"/>) or performs it once.
/// Requests are compared by what they say, not how they are framed: a multipart body by its parts (name, file name,
/// content type, content), never by the random boundary a client picks for each attempt.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IIdempotencyStore store, TimeProvider time, IOptions<ApiOptions> options)
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
        var existing = await store.TryClaimAsync(claim, options.Value.IdempotencyLease, context.RequestAborted);
        if (existing is not null)
        {
            await AnswerRepeatAsync(context, existing, requestHash, options.Value.IdempotencyLease, time);
            return;
        }

        context.Features.Set(new IdempotentIds.Claim(scope, key));
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
            await ReleaseQuietlyAsync(claim);
            throw;
        }

        context.Response.Body = original;
        if (context.Response.StatusCode >= 500)
        {
            await ReleaseQuietlyAsync(claim);
        }
        else
        {
            // Stored before the answer is sent: a caller who saw the answer can always get it again. If the answer
            // cannot be stored, the claim is dropped rather than left to expire: the retry finds the effect by its ids.
            try
            {
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
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await ReleaseQuietlyAsync(claim);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task ReleaseQuietlyAsync(IdempotencyRecord claim)
    {
        try
        {
            await store.ReleaseAsync(claim.Scope, claim.Key, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store is unreachable: the claim expires with its lease instead.
        }
    }

    private static async Task AnswerRepeatAsync(HttpContext context, IdempotencyRecord existing, string requestHash, TimeSpan lease, TimeProvider time)
    {
        if (!string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal))
        {
            await WriteProblem(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                $"This {HeaderName} was already used for a different request. Use a new key for a new request.");
            return;
        }

        if (existing.InProgress)
        {
            // Retry-After: when the first request's lease ends, at the latest.
            var left = existing.CreatedAt + lease - time.GetUtcNow();
            context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(left.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteProblem(context, StatusCodes.Status409Conflict, "Request in progress",
                $"The first request with this {HeaderName} is still being processed. Retry after the time in Retry-After.");
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

    /// <summary>
    /// SHA-256 of what the request says: method, path, query, and the body, or for a multipart body each part's name,
    /// file name, content type and content, in order. The boundary and the framing a client library chooses are left
    /// out, so the same form sent again by curl, requests or HttpClient hashes the same.
    /// </summary>
    private static async Task<string> HashRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        try
        {
            if (!await TryHashPartsAsync(request, hash, cancellationToken))
            {
                request.Body.Position = 0;
                await HashStreamAsync(request.Body, hash, cancellationToken);
            }
        }
        finally
        {
            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<bool> TryHashPartsAsync(HttpRequest request, IncrementalHash hash, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return false;
        }

        using var parts = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var parsedDisposition) ? parsedDisposition : null;
                var name = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
                var file = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).Value;

                // A field part without a content type is text/plain in every client library; one that says so is the same part.
                var contentType = section.ContentType is { Length: > 0 } t && MediaTypeHeaderValue.TryParse(t, out var parsed) ? parsed.MediaType.Value : null;
                parts.AppendData(Encoding.UTF8.GetBytes($"part\n{name}\n{file}\n{(contentType is null or "text/plain" ? "" : contentType.ToLowerInvariant())}\n"));
                using var content = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                await HashStreamAsync(section.Body, content, cancellationToken);
                parts.AppendData(content.GetHashAndReset());
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return false; // not readable as multipart: the endpoint refuses it; its bytes are its fingerprint
        }

        hash.AppendData(parts.GetHashAndReset());
        return true;
    }

    private static async Task HashStreamAsync(Stream stream, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }
    }

    private static Task WriteProblem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title)
            .ExecuteAsync(context);
}
