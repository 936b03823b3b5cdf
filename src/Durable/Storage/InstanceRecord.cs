namespace TicketFlow.Durable.Storage;

/// <summary>The stored state row of one orchestration instance.</summary>
public sealed record InstanceRecord
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The orchestrator name.</summary>
    public required string Name { get; init; }

    /// <summary>The tags given when the instance was scheduled.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The orchestrator version the instance started with.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Serialised input (null when not requested).</summary>
    public string? Input { get; init; }

    /// <summary>Serialised output (null when not requested).</summary>
    public string? Output { get; init; }

    /// <summary>Serialised custom status (null when not requested).</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Failure details when failed.</summary>
    public TaskFailureDetails? Failure { get; init; }

    /// <summary>The current execution id (changes on ContinueAsNew).</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The parent instance id for sub-orchestrations.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>The number of history events stored for the current execution.</summary>
    public int HistoryCount { get; init; }
}
