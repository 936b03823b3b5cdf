using Microsoft.DurableTask;

namespace TicketFlow.Workflow;

/// <summary>The one way TicketFlow's orchestrations wait: for an event, or until a time, whichever comes first.</summary>
public static class OrchestrationWaits
{
    /// <summary>
    /// Waits for the named event until <paramref name="wakeAt"/> (forever when null). The losing wait is cancelled
    /// synchronously: <c>CancelAsync</c> would run its callbacks on the thread pool, outside the orchestration's
    /// single-threaded replay. An event that arrives after a timeout is buffered for the next wait, never lost.
    /// </summary>
    /// <typeparam name="TEvent">The event's payload type.</typeparam>
    /// <param name="context">The orchestration context.</param>
    /// <param name="eventName">The event's name.</param>
    /// <param name="wakeAt">When to stop waiting.</param>
    /// <returns>The event, or null when the time came first.</returns>
    public static async Task<TEvent?> EventOrTimeAsync<TEvent>(this TaskOrchestrationContext context, string eventName, DateTimeOffset? wakeAt)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(context);
        using var cancel = new CancellationTokenSource();
        var received = context.WaitForExternalEvent<TEvent>(eventName, cancel.Token);
        if (wakeAt is null)
        {
            return await received;
        }

        var timer = context.CreateTimer(wakeAt.Value.UtcDateTime, cancel.Token);
        var first = await Task.WhenAny(received, timer);
#pragma warning disable CA1849 // See the summary: synchronous on purpose.
        cancel.Cancel();
#pragma warning restore CA1849
        return first == received ? await received : null;
    }
}
