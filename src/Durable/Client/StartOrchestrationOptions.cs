namespace TicketFlow.Durable.Client;

/// <summary>Options for scheduling a new orchestration instance.</summary>
/// <param name="InstanceId">The instance id; a new GUID when <c>null</c>.</param>
/// <param name="StartAt">When to start; immediately when <c>null</c> or in the past.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null)
{
    /// <summary>What happens when an instance with <see cref="InstanceId"/> exists (default: reject).</summary>
    public InstanceIdReusePolicy IdReusePolicy { get; init; } = InstanceIdReusePolicy.Reject;

    /// <summary>The orchestrator version to record; defaults to the version the worker registered.</summary>
    public string? Version { get; init; }
}
