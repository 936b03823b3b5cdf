namespace TicketFlow.Durable;

/// <summary>Options for scheduling an activity or sub-orchestration.</summary>
public class TaskOptions
{
    /// <summary>Creates task options.</summary>
    /// <param name="retry">Optional retry options.</param>
    public TaskOptions(TaskRetryOptions? retry = null)
    {
        Retry = retry;
    }

    /// <summary>Retry options, or <c>null</c> for a single attempt.</summary>
    public TaskRetryOptions? Retry { get; init; }

    /// <summary>Creates options that retry according to <paramref name="policy"/>.</summary>
    /// <param name="policy">The retry policy.</param>
    /// <returns>The options.</returns>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));

    /// <summary>Returns sub-orchestration options with the same retry settings and the given instance id.</summary>
    /// <param name="instanceId">The sub-orchestration's instance id.</param>
    /// <returns>The options.</returns>
    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(this, instanceId);
}
