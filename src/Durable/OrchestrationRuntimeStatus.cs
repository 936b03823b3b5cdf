namespace TicketFlow.Durable;

/// <summary>The runtime status of an orchestration instance (member names and values as in Durable Task).</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>The orchestration has started and is running or waiting.</summary>
    Running = 0,

    /// <summary>The orchestration returned a result.</summary>
    Completed = 1,

    /// <summary>The orchestration called ContinueAsNew and is about to restart with new input.</summary>
    ContinuedAsNew = 2,

    /// <summary>The orchestration threw an unhandled exception.</summary>
    Failed = 3,

    /// <summary>Reserved by Durable Task; not produced by this runtime.</summary>
    Canceled = 4,

    /// <summary>The orchestration was terminated by a client.</summary>
    Terminated = 5,

    /// <summary>The orchestration is scheduled but has not started yet.</summary>
    Pending = 6,

    /// <summary>The orchestration was suspended by a client; events are buffered until it is resumed.</summary>
    Suspended = 7,
}
