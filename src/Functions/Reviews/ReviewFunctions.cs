using TicketFlow.Api;
using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Reviews;

/// <summary>Services and Supports reviews. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class ReviewFunctions
{
    /// <summary>POST: Opens an S&amp;S review request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(OpenServicesAndSupportsReview))]
    public static Task OpenServicesAndSupportsReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.V1 + "/reviews")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: A review, its status and packages.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetServicesAndSupportsReview))]
    public static Task GetServicesAndSupportsReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Review)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: One ticketholder's package (ZIP).</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(DownloadServicesAndSupportsPackage))]
    public static Task DownloadServicesAndSupportsPackage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Review + "/packages/{ticketNumber:" + ApiRoutes.Id + "}")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Marks the response sent to the TPM.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(MarkServicesAndSupportsReviewSent))]
    public static Task MarkServicesAndSupportsReviewSent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Review + "/sent")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);
}
