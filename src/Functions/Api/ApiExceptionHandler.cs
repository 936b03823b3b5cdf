using Microsoft.AspNetCore.Diagnostics;
using TicketFlow.Workflow;
using TicketFlow.Workflow.Iwps;

namespace TicketFlow.Functions.Api;

/// <summary>
/// Turns what a caller can fix into Problem Details (400 for unreadable input, 409 for a record that already exists,
/// 413 for a body over the cap); anything else is a 500 without internals.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request too large", "The request body is larger than this endpoint accepts."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            System.Text.Json.JsonException json => (400, "Invalid JSON", json.Message),

            // System.Text.Json refuses a polymorphic body without its discriminator with NotSupportedException.
            NotSupportedException unsupported when unsupported.Source == "System.Text.Json" =>
                (400, "Invalid JSON", "The body needs a \"type\" naming what it is (for an event: IwpSubmitted, TpmReceiptRecorded, ...)."),
            IwpFormatException iwp => (400, "Invalid IWP", iwp.Message),
            RecordAlreadyExistsException exists => (409, "Already exists", exists.Message),
            _ => (500, "Internal error", "The request failed; nothing was changed by it that is not recorded in the audit trail."),
        };
        if (status >= 500)
        {
            ApiLogs.UnhandledError(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        await TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(httpContext);
        return true;
    }
}
