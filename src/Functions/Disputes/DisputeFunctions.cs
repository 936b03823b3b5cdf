using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Disputes;

/// <summary>EN / State VR disputes. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class DisputeFunctions
{
    /// <summary>POST: Opens a dispute and starts its workflow.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(OpenDispute))]
    public static Task OpenDispute(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.V1 + "/disputes")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: A dispute and its deadlines.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetDispute))]
    public static Task GetDispute(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Dispute)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Records a dispute event.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(RecordDisputeEvent))]
    public static Task RecordDisputeEvent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Dispute + "/events")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);
}
