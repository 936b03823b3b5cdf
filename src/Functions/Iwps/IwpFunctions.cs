using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Iwps;

/// <summary>Individual Work Plans and their amendments. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class IwpFunctions
{
    /// <summary>POST: Records a signed IWP.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(SubmitIwp))]
    public static Task SubmitIwp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Ticket + "/iwps")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: The ticket's IWPs and amendments.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(ListIwps))]
    public static Task ListIwps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Ticket + "/iwps")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: One IWP or amendment with its findings.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetIwp))]
    public static Task GetIwp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Iwp)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: The signed document of an IWP or amendment.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetIwpDocument))]
    public static Task GetIwpDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Iwp + "/document")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Records an IWP amendment.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(AmendIwp))]
    public static Task AmendIwp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Iwp + "/amendments")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);
}
