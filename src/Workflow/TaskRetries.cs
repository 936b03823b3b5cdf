using Microsoft.DurableTask;

namespace TicketFlow.Workflow;

/// <summary>The retry policy TicketFlow's orchestrations give their activities.</summary>
public static class TaskRetries
{
    /// <summary>
    /// Storage and email hiccups are retried with back-off for about a quarter of an hour; activities are idempotent,
    /// so a retry after a partial success writes nothing twice.
    /// </summary>
    public static TaskOptions Standard { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2.0,
            maxRetryInterval: TimeSpan.FromMinutes(5)));
}
