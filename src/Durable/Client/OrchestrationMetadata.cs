namespace TicketFlow.Durable.Client;

/// <summary>The state of an orchestration instance as a client sees it (as in Microsoft.DurableTask).</summary>
public sealed class OrchestrationMetadata
{
    private readonly DataConverter converter;

    /// <summary>Creates metadata.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="converter">The converter used by the Read*As methods.</param>
    public OrchestrationMetadata(string name, string instanceId, DataConverter converter)
    {
        Name = name;
        InstanceId = instanceId;
        this.converter = converter;
    }

    /// <summary>The orchestrator name.</summary>
    public string Name { get; }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The orchestrator version the instance started with.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Serialised input (only when inputs and outputs were requested).</summary>
    public string? SerializedInput { get; init; }

    /// <summary>Serialised output (only when inputs and outputs were requested).</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>Serialised custom status (only when inputs and outputs were requested).</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Failure details when the instance failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>The parent instance id when this is a sub-orchestration.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>Whether the instance is Running, Pending, Suspended or ContinuedAsNew.</summary>
    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending
        or OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.ContinuedAsNew;

    /// <summary>Whether the instance is Completed, Failed or Terminated.</summary>
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
        or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;

    /// <summary>Deserialises the input.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>The input.</returns>
    public T? ReadInputAs<T>() => converter.Deserialize<T>(SerializedInput);

    /// <summary>Deserialises the output.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>The output.</returns>
    public T? ReadOutputAs<T>() => converter.Deserialize<T>(SerializedOutput);

    /// <summary>Deserialises the custom status.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>The custom status.</returns>
    public T? ReadCustomStatusAs<T>() => converter.Deserialize<T>(SerializedCustomStatus);

    /// <inheritdoc />
    public override string ToString() => $"{Name} '{InstanceId}': {RuntimeStatus}";
}
