using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Health;

/// <summary>Liveness and readiness, without a key. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class HealthFunctions
{
    /// <summary>GET: The process answers.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetLiveness))]
    public static Task GetLiveness(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/live")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);

    /// <summary>GET: Storage and the durable store answer.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetReadiness))]
    public static Task GetReadiness(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);
}
