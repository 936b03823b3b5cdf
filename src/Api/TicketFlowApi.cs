using TicketFlow.Api.Admin;
using TicketFlow.Api.Deadlines;
using TicketFlow.Api.Disputes;
using TicketFlow.Api.Earnings;
using TicketFlow.Api.Reviews;
using TicketFlow.Api.Health;
using TicketFlow.Api.Iwps;
using TicketFlow.Api.Management;
using TicketFlow.Api.Tickets;
using TicketFlow.Api.Web;

namespace TicketFlow.Api;

/// <summary>Maps TicketFlow's HTTP triggers under the host's route prefix, versioned: <c>/{prefix}/v1/...</c>.</summary>
public static class TicketFlowApi
{
    /// <summary>
    /// Adds the API's middleware in the order both hosts need: Problem Details for exceptions and bare status codes,
    /// the response headers and body limit, authentication before the rate limiter (so a caller is counted by who it
    /// is), authorization, and the Idempotency-Key replay last, so a replayed answer has passed every check.
    /// Call after <c>UseRouting</c> where the host routes explicitly.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseTicketFlowApi(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A caller's unreadable body is answered with a 400 naming the field; it is not an error of the host's.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<ResponseHeadersMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<Idempotency.IdempotencyMiddleware>();
        return app;
    }

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

        // The staff web page, over the endpoints above.
        app.MapTicketFlowWeb(routePrefix);
        return app;
    }
}
