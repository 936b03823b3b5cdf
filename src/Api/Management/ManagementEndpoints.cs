using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace TicketFlow.Api.Management;

/// <summary>
/// The orchestration status endpoint in the shape of Durable Functions' built-in HTTP API: runtimeStatus, input,
/// customStatus, output, createdTime, lastUpdatedTime; 202 while the instance runs, 200 once it is done. A caller sees
/// only its own EN's instances (their ids carry the EN's PID); any other answers 404.
/// </summary>
internal static class ManagementEndpoints
{
    private const string InstanceId = "{instanceId:regex(^[A-Za-z0-9][A-Za-z0-9:._-]{{0,199}}$)}";

    public static RouteGroupBuilder MapManagementEndpoints(this RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/instances").WithTags("Management");
        instances.MapGet("/", ListAsync).WithSummary("The caller's orchestration instances of one kind (ticket, dispute, ssreview), newest first, with filters and paging.");
        instances.MapGet($"/{InstanceId}", StatusAsync).WithSummary("An orchestration instance's status.");
        instances.MapPost($"/{InstanceId}/terminate", (string instanceId, string? reason, HttpContext http, DurableTaskClient client, CancellationToken ct) =>
            ControlAsync(instanceId, http, client, c => c.TerminateInstanceAsync(instanceId, reason, ct), ct)).WithSummary("Terminate an instance.");
        instances.MapPost($"/{InstanceId}/suspend", (string instanceId, string? reason, HttpContext http, DurableTaskClient client, CancellationToken ct) =>
            ControlAsync(instanceId, http, client, c => c.SuspendInstanceAsync(instanceId, reason, ct), ct)).WithSummary("Suspend an instance (events are kept until it resumes).");
        instances.MapPost($"/{InstanceId}/resume", (string instanceId, string? reason, HttpContext http, DurableTaskClient client, CancellationToken ct) =>
            ControlAsync(instanceId, http, client, c => c.ResumeInstanceAsync(instanceId, reason, ct), ct)).WithSummary("Resume a suspended instance.");
        instances.MapPost($"/{InstanceId}/restart", RestartAsync).WithSummary("Restart a failed, terminated or completed instance under its own id, with its original input.");
        instances.MapDelete($"/{InstanceId}", PurgeAsync).WithSummary("Purge a completed, failed or terminated instance's history.");
        return api;
    }

    /// <summary>
    /// The answer to a request that started an orchestration: 202 Accepted with Location at the instance's status, and
    /// the management URIs Durable Functions' HTTP API gives, beside the created record.
    /// </summary>
    /// <param name="links">The API's public URLs (never the request's Host header).</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="resourcePath">The created record's path under the API (for example <c>tickets/T-1</c>).</param>
    /// <param name="sendEventPath">The path of the typed endpoint that takes the instance's events.</param>
    /// <param name="resource">The created record's summary.</param>
    /// <returns>The 202 answer.</returns>
    internal static IResult Started<T>(ApiLinks links, string instanceId, string resourcePath, string sendEventPath, T resource)
    {
        var api = links.To(string.Empty).TrimEnd('/');
        var root = $"{api}/instances/{Uri.EscapeDataString(instanceId)}";
        return TypedResults.Accepted(root, new OrchestrationStarted<T>(
            instanceId,
            StatusQueryGetUri: root,
            SendEventPostUri: $"{api}/{sendEventPath}",
            TerminatePostUri: $"{root}/terminate?reason={{text}}",
            SuspendPostUri: $"{root}/suspend?reason={{text}}",
            ResumePostUri: $"{root}/resume?reason={{text}}",
            PurgeHistoryDeleteUri: root,
            ResourceUri: $"{api}/{resourcePath}",
            resource));
    }

    private static async Task<IResult> ListAsync(
        string? kind, OrchestrationRuntimeStatus? runtimeStatus, DateTimeOffset? createdTimeFrom, DateTimeOffset? createdTimeTo, int? top,
        string? continuationToken, HttpContext http, DurableTaskClient client, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var prefix = (kind ?? "ticket") switch
        {
            "ticket" or "dispute" or "ssreview" => $"{kind ?? "ticket"}:{caller.EnPid}:",
            _ => null,
        };
        var check = new ApiValidation().Instant("createdTimeFrom", createdTimeFrom).Instant("createdTimeTo", createdTimeTo);
        if (prefix is null)
        {
            check.Add("kind", "Must be one of: ticket, dispute, ssreview.");
        }

        if (top is < 1 or > 1000)
        {
            check.Add("top", "Must be 1 to 1000.");
        }

        // A token is only ever one this API handed out in x-ms-continuation-token; anything else is refused here
        // rather than reaching the durable store's query.
        if (continuationToken is not null && !ContinuationTokens.IsWellFormed(continuationToken))
        {
            check.Add("continuationToken", "Is not a token this API handed out (send the x-ms-continuation-token of the previous page unchanged).");
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            Statuses = runtimeStatus is { } s ? [s] : null,
            CreatedFrom = createdTimeFrom,
            CreatedTo = createdTimeTo,
            PageSize = top ?? 100,
        };
        var storeToken = continuationToken is null ? null : ContinuationTokens.Open(continuationToken);
        var page = new Page<OrchestrationMetadata>([], null);
        try
        {
            await foreach (var first in client.GetAllInstancesAsync(query).AsPages(storeToken, query.PageSize).WithCancellation(ct))
            {
                page = first; // one page per request: the caller follows x-ms-continuation-token
                break;
            }
        }
        catch (ArgumentException) when (continuationToken is not null)
        {
            // Well formed, but not a position the store can resume from (edited, or from another kind of query).
            return new ApiValidation().Add("continuationToken", "Is not a token this API handed out (send the x-ms-continuation-token of the previous page unchanged).").Problem();
        }

        if (page.ContinuationToken is { } next)
        {
            http.Response.Headers["x-ms-continuation-token"] = ContinuationTokens.Seal(next);
        }

        return TypedResults.Ok(page.Values.Select(m => new
        {
            m.Name, m.InstanceId, RuntimeStatus = m.RuntimeStatus.ToString(), CreatedTime = m.CreatedAt, LastUpdatedTime = m.LastUpdatedAt,
        }));
    }

    private static async Task<IResult> ControlAsync(string instanceId, HttpContext http, DurableTaskClient client, Func<DurableTaskClient, Task> action, CancellationToken ct)
    {
        if (await OwnedAsync(instanceId, http, client, ct) is null)
        {
            return NotFound(instanceId);
        }

        await action(client);
        return TypedResults.Accepted(http.RequestServices.GetRequiredService<ApiLinks>().To($"instances/{Uri.EscapeDataString(instanceId)}"));
    }

    /// <summary>
    /// Durable's restart, for an operator whose workflow stopped (a fault that outlasted its retries, or a terminate):
    /// the instance starts again under the same id with its original input, and the records it already wrote stay.
    /// A running instance is not restarted: that would drop the events it holds.
    /// </summary>
    private static async Task<IResult> RestartAsync(string instanceId, HttpContext http, DurableTaskClient client, ApiLinks links, CancellationToken ct)
    {
        if (await OwnedAsync(instanceId, http, client, ct) is not { } metadata)
        {
            return NotFound(instanceId);
        }

        if (metadata.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return TypedResults.Problem($"{instanceId} is {metadata.RuntimeStatus}; only a completed, failed or terminated instance is restarted.", statusCode: 409, title: "Instance still active");
        }

        await client.RestartAsync(instanceId, restartWithNewInstanceId: false, ct);
        return TypedResults.Accepted(links.To($"instances/{Uri.EscapeDataString(instanceId)}"));
    }

    private static async Task<IResult> PurgeAsync(string instanceId, HttpContext http, DurableTaskClient client, CancellationToken ct)
    {
        if (await OwnedAsync(instanceId, http, client, ct) is not { } metadata)
        {
            return NotFound(instanceId);
        }

        if (metadata.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return TypedResults.Problem($"{instanceId} is {metadata.RuntimeStatus}; only a completed, failed or terminated instance is purged.", statusCode: 409, title: "Instance still active");
        }

        var result = await client.PurgeInstanceAsync(instanceId, ct);
        return TypedResults.Ok(new { instancesDeleted = result.PurgedInstanceCount });
    }

    private static async Task<OrchestrationMetadata?> OwnedAsync(string instanceId, HttpContext http, DurableTaskClient client, CancellationToken ct) =>
        instanceId.Contains($":{Caller.From(http.User).EnPid}:", StringComparison.Ordinal)
            ? await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct)
            : null;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string instanceId) =>
        TypedResults.Problem($"There is no instance {instanceId}.", statusCode: 404, title: "Not found");

    private static async Task<IResult> StatusAsync(string instanceId, HttpContext http, DurableTaskClient client, CancellationToken ct)
    {
        var metadata = instanceId.Contains($":{Caller.From(http.User).EnPid}:", StringComparison.Ordinal)
            ? await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, ct)
            : null;
        if (metadata is null)
        {
            return NotFound(instanceId);
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
            or OrchestrationRuntimeStatus.Suspended;
        return running ? TypedResults.Json(body, statusCode: 202) : TypedResults.Ok(body);
    }

    private static System.Text.Json.JsonElement? Parse(string? json) =>
        json is null ? null : System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
}
