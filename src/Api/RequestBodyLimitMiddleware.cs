using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace TicketFlow.Api;

/// <summary>
/// Caps every request body at its endpoint's limit (<see cref="IRequestSizeLimitMetadata"/>, or
/// <see cref="DefaultMaxBodyBytes"/>) before anything reads it, through the server's own counter: a chunked body,
/// which has no Content-Length to check in advance, is stopped at the same size with 413 as one that declares it.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    /// <summary>The cap for an endpoint that does not set one: every JSON request TicketFlow takes is far smaller.</summary>
    public const long DefaultMaxBodyBytes = 256 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            // Only the versioned API's defaults are this middleware's; the SendGrid webhook caps its own batches.
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? (context.Request.Path.Value?.Contains("/v1/", StringComparison.Ordinal) == true ? DefaultMaxBodyBytes : feature.MaxRequestBodySize);
            if (context.Request.ContentLength is { } declared && declared > limit)
            {
                return TooLargeAsync(context, declared, limit);
            }

            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }

    /// <summary>
    /// 413 for a declared body over the cap. A body of a plausible size is read and dropped first, so that the client,
    /// still sending it, hears the answer instead of a broken connection; an absurd one is answered at once.
    /// </summary>
    private static async Task TooLargeAsync(HttpContext context, long declared, long? limit)
    {
        if (declared <= DrainLimitBytes)
        {
            // Routing may already have set the endpoint's cap; the body dropped here is allowed to pass it.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = null;
            }

            var buffer = new byte[64 * 1024];
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }
        }

        await TypedResults.Problem($"The request body is larger than this endpoint accepts ({limit} bytes).", statusCode: 413, title: "Request too large")
            .ExecuteAsync(context);
    }

    private const long DrainLimitBytes = 24 * 1024 * 1024;
}
