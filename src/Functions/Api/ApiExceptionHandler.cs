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
        // A body that binds badly names its field, as validation errors do, so the caller can fix it without guessing.
        if ((exception as System.Text.Json.JsonException ?? exception.InnerException as System.Text.Json.JsonException) is { Path: { Length: > 1 } path } unreadable)
        {
            await TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [path] = [FieldMessage(unreadable)] },
                detail: "A field's value cannot be read as its type: dates are ISO 8601 (yyyy-MM-dd), choices are spelt as the API documents them, and unknown fields are refused.",
                title: "Invalid JSON").ExecuteAsync(httpContext);
            return true;
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request too large", "The request body is larger than this endpoint accepts."),
            // ASP.NET Core's wording for a missing body speaks to the developer of the endpoint, not to its caller.
            BadHttpRequestException bad when bad.Message.Contains("no body was provided", StringComparison.Ordinal) =>
                (bad.StatusCode, "Body required", "This endpoint needs a JSON body (Content-Type: application/json)."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            System.Text.Json.JsonException json => (400, "Invalid JSON", json.Message),

            // System.Text.Json refuses a polymorphic body without its discriminator with NotSupportedException.
            NotSupportedException unsupported when unsupported.Source == "System.Text.Json" =>
                (400, "Invalid JSON", "The body needs a \"type\" naming what it is (for an event: IwpSubmitted, TpmReceiptRecorded, ...)."),
            IwpFormatException iwp => (400, "Invalid IWP", iwp.Message),
            RecordAlreadyExistsException exists => (409, "Already exists", exists.Message),

            // Two requests racing to start the same workflow: the second finds it started.
            global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException started => (409, "Already exists", started.Message),
            _ => (500, "Internal error", "The request failed; nothing was changed by it that is not recorded in the audit trail."),
        };
        if (status >= 500)
        {
            ApiLogs.UnhandledError(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        await TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The reader's message without its line and byte position, which mean nothing to a caller.</summary>
    private static string FieldMessage(System.Text.Json.JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
