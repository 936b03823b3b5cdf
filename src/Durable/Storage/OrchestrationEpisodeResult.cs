namespace TicketFlow.Durable.Storage;

/// <summary>
/// Everything one episode writes, committed atomically: consumed messages are deleted, history appended (or replaced on
/// ContinueAsNew), the instance row updated, and activities, timers, sub-orchestrations and messages created.
/// </summary>
public sealed record OrchestrationEpisodeResult
{
    /// <summary>The instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>
    /// The instance's execution id when the episode loaded it; the commit is refused if it changed meanwhile (the id
    /// was purged or reused), as it is when the lease was lost.
    /// </summary>
    public required string? LoadedExecutionId { get; init; }

    /// <summary>Inbox message ids this episode consumed.</summary>
    public required IReadOnlyList<long> ConsumedMessageIds { get; init; }

    /// <summary>
    /// The newest inbox message the episode read. The ones up to it that it did not consume are held (events no one
    /// waits for yet): they stay in the inbox, and only a message that is not held makes the instance ready again.
    /// </summary>
    public long? SeenThroughMessageId { get; init; }

    /// <summary>
    /// Held messages after this id (left unread by the load) are made ready again: the episode ended waiting for an
    /// event, which may be among them.
    /// </summary>
    public long? UnholdAfter { get; init; }

    /// <summary>Held messages after this id (left unread by the load) are deleted: the episode continued as new without its unprocessed events.</summary>
    public long? DropHeldAfter { get; init; }

    /// <summary>The history length the new events are appended after (0 when <see cref="ReplaceHistory"/>).</summary>
    public required int HistoryBase { get; init; }

    /// <summary>When true, only the consumed messages are deleted and the lease handled; the instance row is left as is.</summary>
    public bool InstanceUnchanged { get; init; }

    /// <summary>When true, the stored history is deleted first (ContinueAsNew starts a new execution).</summary>
    public bool ReplaceHistory { get; init; }

    /// <summary>History events to append.</summary>
    public required IReadOnlyList<HistoryEvent> NewHistory { get; init; }

    /// <summary>The new runtime status.</summary>
    public required OrchestrationRuntimeStatus Status { get; init; }

    /// <summary>The execution id after this episode.</summary>
    public required string ExecutionId { get; init; }

    /// <summary>The orchestrator version.</summary>
    public string? Version { get; init; }

    /// <summary>The serialised input of the current execution (changes on ContinueAsNew).</summary>
    public string? Input { get; init; }

    /// <summary>The serialised output (when completed or terminated).</summary>
    public string? Output { get; init; }

    /// <summary>The serialised custom status.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>Failure details (when failed).</summary>
    public TaskFailureDetails? Failure { get; init; }

    /// <summary>Activities to schedule.</summary>
    public IReadOnlyList<ActivityRequest> Activities { get; init; } = [];

    /// <summary>Durable timers to create.</summary>
    public IReadOnlyList<TimerRequest> Timers { get; init; } = [];

    /// <summary>Sub-orchestrations to create (their start event goes to their inbox).</summary>
    public IReadOnlyList<NewOrchestrationInstance> SubOrchestrations { get; init; } = [];

    /// <summary>Messages to other instances (or to itself).</summary>
    public IReadOnlyList<OutboundMessage> Messages { get; init; } = [];
}
