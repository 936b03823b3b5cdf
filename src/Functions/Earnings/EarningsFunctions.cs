using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Earnings;

/// <summary>Monthly gross earnings of a ticket. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class EarningsFunctions
{
    /// <summary>POST: Records a month's gross earnings.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(RecordEarnings))]
    public static Task RecordEarnings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Ticket + "/earnings")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: The ticket's recorded monthly earnings.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(ListEarnings))]
    public static Task ListEarnings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Ticket + "/earnings")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: One month's recorded earnings.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetEarnings))]
    public static Task GetEarnings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Ticket + "/earnings/{month:regex(^[0-9]{{4}}-[0-9]{{2}}$)}")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);
}
