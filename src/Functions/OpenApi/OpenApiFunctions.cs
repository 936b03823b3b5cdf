using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.OpenApi;

/// <summary>The API's OpenAPI document. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class OpenApiFunctions
{
    /// <summary>GET: The OpenAPI document.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(GetOpenApiDocument))]
    public static Task GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/{documentName}.json")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);
}
