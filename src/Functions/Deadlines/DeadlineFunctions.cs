using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Deadlines;

/// <summary>The EN's deadlines. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class DeadlineFunctions
{
    /// <summary>GET: The caller's deadlines in a window.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(QueryDeadlines))]
    public static Task QueryDeadlines(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.V1 + "/deadlines")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);
}
