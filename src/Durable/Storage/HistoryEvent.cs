using System.Text.Json.Serialization;

namespace TicketFlow.Durable.Storage;

/// <summary>
/// One event of an orchestration's history, or one message in its inbox. Payloads (<see cref="Input"/>,
/// <see cref="Result"/>) are already serialised by the <see cref="DataConverter"/>.
/// </summary>
public sealed record HistoryEvent
{
    /// <summary>The event kind.</summary>
    public required HistoryEventType Type { get; init; }

    /// <summary>When the event was created (runtime clock).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>For scheduling events (TaskScheduled, TimerCreated, SubOrchestrationInstanceCreated): the task id.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int? TaskId { get; init; }

    /// <summary>For completions: the id of the task they complete.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int? TaskScheduledId { get; init; }

    /// <summary>Activity, orchestrator or event name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    /// <summary>Orchestrator version (ExecutionStarted, SubOrchestrationInstanceCreated).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; }

    /// <summary>The target instance id (sub-orchestrations) or the instance's own id (ExecutionStarted).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InstanceId { get; init; }

    /// <summary>The execution this event belongs to; completions for another execution are discarded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExecutionId { get; init; }

    /// <summary>Serialised input or event payload.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Input { get; init; }

    /// <summary>Serialised result or output.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Result { get; init; }

    /// <summary>Failure details (TaskFailed, SubOrchestrationInstanceFailed, ExecutionCompleted when failed).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TaskFailureDetails? Failure { get; init; }

    /// <summary>Timer due time (TimerCreated, TimerFired) or scheduled start time.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FireAt { get; init; }

    /// <summary>The final status (ExecutionCompleted).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OrchestrationRuntimeStatus? Status { get; init; }

    /// <summary>The parent instance (ExecutionStarted of a sub-orchestration).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ParentInstanceId { get; init; }

    /// <summary>The parent orchestrator's name (ExecutionStarted of a sub-orchestration).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ParentName { get; init; }

    /// <summary>The parent's task id for this sub-orchestration (ExecutionStarted of a sub-orchestration).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ParentTaskId { get; init; }

    /// <summary>The parent's execution id (ExecutionStarted of a sub-orchestration).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ParentExecutionId { get; init; }

    /// <summary>A short description for logs and mismatch messages.</summary>
    /// <returns>The description.</returns>
    public string Describe() => TaskId is { } id ? $"{Type} '{Name}' (task #{id})" : Name is null ? Type.ToString() : $"{Type} '{Name}'";
}
