using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SendGrid.Helpers.EventWebhook;
using TicketFlow.Infrastructure.Email;

namespace TicketFlow.Api.Webhooks;

/// <summary>Maps the SendGrid Event Webhook onto a minimal-API route.</summary>
public static class SendGridWebhookEndpoint
{
    /// <summary>The largest webhook body accepted (SendGrid batches events; a batch is far below this).</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Maps POST <paramref name="pattern"/>: 200 when the events were handled; 401 (Problem Details) for a missing,
    /// bad or stale signature or an unreadable body; 400 for an oversized body.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, e.g. /webhooks/sendgrid/events.</param>
    /// <returns>The endpoint builder, for further conventions.</returns>
    public static RouteHandlerBuilder MapSendGridEventWebhook(this IEndpointRouteBuilder endpoints, string pattern = "/webhooks/sendgrid/events") =>
        endpoints.MapPost(pattern, async (HttpRequest request, SendGridEventWebhook webhook, CancellationToken cancellationToken) =>
        {
            if (request.ContentLength > MaxBodyBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook body is too large.");
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int n;
            while ((n = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > MaxBodyBytes)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The webhook body is too large.");
                }

                buffer.Write(chunk, 0, n);
            }
            var result = await webhook.HandleAsync(
                request.Headers[RequestValidator.SIGNATURE_HEADER].ToString(),
                request.Headers[RequestValidator.TIMESTAMP_HEADER].ToString(),
                buffer.ToArray(),
                cancellationToken).ConfigureAwait(false);
            return result.Accepted
                ? Results.Ok(new { result.Recorded, result.Duplicates, result.Ignored })
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "SendGrid event webhook refused.", detail: result.RejectionReason);
        }).DisableAntiforgery();
}
