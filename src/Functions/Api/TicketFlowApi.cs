using TicketFlow.Functions.Api.Admin;
using TicketFlow.Functions.Api.Deadlines;
using TicketFlow.Functions.Api.Disputes;
using TicketFlow.Functions.Api.Earnings;
using TicketFlow.Functions.Api.Reviews;
using TicketFlow.Functions.Api.Health;
using TicketFlow.Functions.Api.Iwps;
using TicketFlow.Functions.Api.Management;
using TicketFlow.Functions.Api.Tickets;

namespace TicketFlow.Functions.Api;

/// <summary>Maps TicketFlow's HTTP triggers under the host's route prefix, versioned: <c>/{prefix}/v1/...</c>.</summary>
public static class TicketFlowApi
{
    /// <summary>Maps every endpoint and the OpenAPI document.</summary>
    /// <param name="app">The application.</param>
    /// <param name="routePrefix">host.json's extensions.http.routePrefix.</param>
    /// <returns>The application.</returns>
    public static IEndpointRouteBuilder MapTicketFlowApi(this IEndpointRouteBuilder app, string routePrefix)
    {
        app.MapHealthEndpoints(routePrefix);
        app.MapOpenApi($"/{routePrefix}/openapi/{{documentName}}.json").AllowAnonymous();
        app.MapGroup($"/{routePrefix}/v1").MapAdminEndpoints();
        app.MapGroup($"/{routePrefix}/v1")
            .RequireAuthorization(ApiServiceCollectionExtensions.EnCallerPolicy)
            .MapTicketEndpoints()
            .MapIwpEndpoints()
            .MapDisputeEndpoints()
            .MapReviewEndpoints()
            .MapDeadlineEndpoints()
            .MapEarningsEndpoints()
            .MapManagementEndpoints();
        return app;
    }
}
