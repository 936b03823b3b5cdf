using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace TicketFlow.Functions.Api;

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
            if (context.Request.ContentLength > limit)
            {
                // Answered at once; the server's own cap stays as it is, so that it reads the rest of the declared
                // body and the client, still sending, hears this 413 instead of a broken connection.
                return TypedResults.Problem($"The request body is larger than this endpoint accepts ({limit} bytes).", statusCode: 413, title: "Request too large")
                    .ExecuteAsync(context);
            }

            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
