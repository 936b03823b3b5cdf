using Microsoft.DurableTask.Client;
using TicketFlow.Workflow.EmploymentNetworks;

namespace TicketFlow.Api.Health;

/// <summary>Liveness (the process answers) and readiness (storage and the durable store answer).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app, string prefix)
    {
        var health = app.MapGroup($"/{prefix}/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new { Status = "live" }));
        health.MapGet("/ready", ReadyAsync);
        return app;
    }

    private static async Task<IResult> ReadyAsync(IEmploymentNetworkRepository networks, DurableTaskClient client, CancellationToken ct)
    {
        var checks = new Dictionary<string, string>();
        try
        {
            await networks.FindAsync("health-probe", ct);
            checks["storage"] = "ready";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            checks["storage"] = $"unavailable: {e.GetType().Name}";
        }

        try
        {
            await client.GetInstanceAsync("health-probe", cancellation: ct);
            checks["durableStore"] = "ready";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            checks["durableStore"] = $"unavailable: {e.GetType().Name}";
        }

        var ready = checks.Values.All(v => v == "ready");
        return TypedResults.Json(new { Status = ready ? "ready" : "not ready", Checks = checks }, statusCode: ready ? 200 : 503);
    }
}
