namespace TicketFlow.Durable;

/// <summary>Information about the activity invocation being executed.</summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity's name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The id of the orchestration instance that scheduled the activity.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Signalled when the worker is shutting down.</summary>
    public abstract CancellationToken CancellationToken { get; }
}
