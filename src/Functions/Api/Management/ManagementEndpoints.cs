using TicketFlow.Durable;
using TicketFlow.Durable.Client;

namespace TicketFlow.Functions.Api.Management;

/// <summary>
/// The orchestration status endpoint in the shape of Durable Functions' built-in HTTP API: runtimeStatus, input,
/// customStatus, output, createdTime, lastUpdatedTime; 202 while the instance runs, 200 once it is done. A caller sees
/// only its own EN's instances (their ids carry the EN's PID); any other answers 404.
/// </summary>
internal static class ManagementEndpoints
{
    public static RouteGroupBuilder MapManagementEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/instances/{instanceId:regex(^[A-Za-z0-9][A-Za-z0-9:._-]{{0,199}}$)}", StatusAsync).WithTags("Management").WithSummary("An orchestration instance's status.");
        return api;
    }

    private static async Task<IResult> StatusAsync(string instanceId, HttpContext http, DurableTaskClient client, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var metadata = instanceId.Contains($":{caller.EnPid}:", StringComparison.Ordinal)
            ? await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct)
            : null;
        if (metadata is null)
        {
            return TypedResults.Problem($"There is no instance {instanceId}.", statusCode: 404, title: "Not found");
        }

        var body = new
        {
            metadata.Name,
            metadata.InstanceId,
            RuntimeStatus = metadata.RuntimeStatus.ToString(),
            Input = Parse(metadata.SerializedInput),
            CustomStatus = Parse(metadata.SerializedCustomStatus),
            Output = Parse(metadata.SerializedOutput),
            CreatedTime = metadata.CreatedAt,
            LastUpdatedTime = metadata.LastUpdatedAt,
        };
        var running = metadata.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending
            or OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.ContinuedAsNew;
        return running ? TypedResults.Json(body, statusCode: 202) : TypedResults.Ok(body);
    }

    private static System.Text.Json.JsonElement? Parse(string? json) =>
        json is null ? null : System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
}
