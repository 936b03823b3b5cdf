namespace TicketFlow.Api;

/// <summary>
/// Headers every answer carries: <c>X-Content-Type-Options: nosniff</c>, so that a browser never runs an uploaded
/// document or an error body as something else, and, on the versioned API (whose answers hold ticketholders' personal
/// data), <c>Cache-Control: no-store</c>, so that no proxy or browser cache keeps them.
/// </summary>
internal sealed class ResponseHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (http.Request.Path.Value?.Contains("/v1/", StringComparison.Ordinal) == true || http.Request.Path.Value?.EndsWith("/v1", StringComparison.Ordinal) == true)
            {
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
