using TicketFlow.Api;
using TicketFlow.Functions.Http;

namespace TicketFlow.Functions.Admin;

/// <summary>The operator's administration of Employment Networks and their keys. Each function is the API's endpoint of the same route and method (src/Api).</summary>
public static class AdminFunctions
{
    /// <summary>POST: Registers an Employment Network.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(RegisterEmploymentNetwork))]
    public static Task RegisterEmploymentNetwork(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.V1 + "/admin/employment-networks")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);

    /// <summary>POST: Adds or updates a staff member.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(AddStaffMember))]
    public static Task AddStaffMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.EmploymentNetwork + "/staff")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);

    /// <summary>POST: Creates an API key for the EN.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(CreateApiKey))]
    public static Task CreateApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.EmploymentNetwork + "/keys")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);

    /// <summary>POST: Creates a staff member's sign-in credential for the web page.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(CreateStaffCredential))]
    public static Task CreateStaffCredential(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = FunctionRoutes.EmploymentNetwork + "/staff/{staffId:" + ApiRoutes.Id + "}/credentials")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);

    /// <summary>DELETE: Revokes an API key.</summary>
    /// <param name="request">The request.</param>
    /// <returns>When the API has written the response.</returns>
    [Function(nameof(RevokeApiKey))]
    public static Task RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = FunctionRoutes.EmploymentNetwork + "/keys/{keyId:regex(^[0-9a-f]{{16}}$)}")] HttpRequest request) =>
        FunctionsApiPipeline.InvokeAsync(request);
}
