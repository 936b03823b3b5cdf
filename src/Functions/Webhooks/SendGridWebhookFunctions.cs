using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Webhooks;

/// <summary>SendGrid's Signed Event Webhook. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class SendGridWebhookFunctions
{
    /// <summary>POST: Records the delivery events SendGrid posts.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(ReceiveSendGridEvents))]
    public static Task ReceiveSendGridEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/sendgrid/events")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);
}
