namespace TicketFlow.Durable.Storage;

/// <summary>The kinds of events in an orchestration's history and inbox.</summary>
public enum HistoryEventType
{
    /// <summary>An execution started (first event of every execution; also the start message).</summary>
    ExecutionStarted,

    /// <summary>An episode began; carries the replay-safe current time.</summary>
    OrchestratorStarted,

    /// <summary>The orchestrator scheduled an activity.</summary>
    TaskScheduled,

    /// <summary>An activity returned.</summary>
    TaskCompleted,

    /// <summary>An activity threw.</summary>
    TaskFailed,

    /// <summary>The orchestrator created a durable timer.</summary>
    TimerCreated,

    /// <summary>A durable timer fired.</summary>
    TimerFired,

    /// <summary>The orchestrator started a sub-orchestration.</summary>
    SubOrchestrationInstanceCreated,

    /// <summary>A sub-orchestration completed.</summary>
    SubOrchestrationInstanceCompleted,

    /// <summary>A sub-orchestration failed or was terminated.</summary>
    SubOrchestrationInstanceFailed,

    /// <summary>An external event arrived.</summary>
    EventRaised,

    /// <summary>A client suspended the instance.</summary>
    ExecutionSuspended,

    /// <summary>A client resumed the instance.</summary>
    ExecutionResumed,

    /// <summary>A client terminated the instance.</summary>
    ExecutionTerminated,

    /// <summary>The execution completed, failed or continued as new.</summary>
    ExecutionCompleted,

    /// <summary>The orchestrator sent an event to another instance (<c>SendEvent</c>); matched on replay like a scheduled task.</summary>
    EventSent,
}
