using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Management;

/// <summary>Orchestration instance management (Durable Functions' management operations, per EN). Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class ManagementFunctions
{
    /// <summary>GET: The caller's orchestration instances.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(ListInstances))]
    public static Task ListInstances(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.V1 + "/instances")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>GET: An orchestration instance's status.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetInstanceStatus))]
    public static Task GetInstanceStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = FunctionRoutes.Instance)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Terminates an instance.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(TerminateInstance))]
    public static Task TerminateInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Instance + "/terminate")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Suspends an instance.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(SuspendInstance))]
    public static Task SuspendInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Instance + "/suspend")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Resumes an instance.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(ResumeInstance))]
    public static Task ResumeInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Instance + "/resume")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>POST: Restarts an instance under its own id.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(RestartInstance))]
    public static Task RestartInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.Instance + "/restart")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);

    /// <summary>DELETE: Purges a finished instance's history.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">Durable Functions' client for this invocation.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(PurgeInstance))]
    public static Task PurgeInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = FunctionRoutes.Instance)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        FunctionsApiPipeline.InvokeAsync(request, client);
}
