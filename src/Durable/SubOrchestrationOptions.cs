namespace TicketFlow.Durable;

/// <summary>Options for a sub-orchestration: retry settings and an optional instance id.</summary>
public sealed class SubOrchestrationOptions : TaskOptions
{
    /// <summary>Creates sub-orchestration options.</summary>
    /// <param name="retry">Optional retry options.</param>
    /// <param name="instanceId">The instance id; a deterministic new GUID when <c>null</c>.</param>
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry)
    {
        InstanceId = instanceId;
    }

    /// <summary>Creates sub-orchestration options from task options.</summary>
    /// <param name="options">The task options to copy.</param>
    /// <param name="instanceId">The instance id.</param>
    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options?.Retry)
    {
        InstanceId = instanceId;
    }

    /// <summary>The sub-orchestration's instance id, or <c>null</c> for a deterministic new GUID.</summary>
    public string? InstanceId { get; init; }
}
