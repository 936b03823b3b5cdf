using Microsoft.Extensions.Logging;
using TicketFlow.Durable.Internal;

namespace TicketFlow.Durable;

/// <summary>
/// The orchestrator's view of the runtime (as in Microsoft.DurableTask). Every method is replay-safe: on replay the
/// scheduled work is matched against history instead of being scheduled again.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestrator's name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The orchestration instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The orchestrator version this instance started with (empty when unversioned).</summary>
    public abstract string Version { get; }

    /// <summary>The parent orchestration when this is a sub-orchestration; otherwise <c>null</c>.</summary>
    public abstract ParentOrchestrationInstance? Parent { get; }

    /// <summary>Whether the orchestrator is currently replaying history (side effects such as logs should be skipped).</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The replay-safe current time (UTC): the time the current episode started, as recorded in history.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>The logger factory used for replay-safe loggers.</summary>
    protected abstract ILoggerFactory LoggerFactory { get; }

    /// <summary>Schedules an activity and returns its result.</summary>
    /// <typeparam name="TResult">The activity's output type.</typeparam>
    /// <param name="name">The activity name (use <c>nameof</c>).</param>
    /// <param name="input">The serialisable input.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>The activity output; throws <see cref="TaskFailedException"/> when the activity failed.</returns>
    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity and waits for it to finish.</summary>
    /// <param name="name">The activity name (use <c>nameof</c>).</param>
    /// <param name="input">The serialisable input.</param>
    /// <param name="options">Retry options.</param>
    /// <returns>A task that completes when the activity has; throws <see cref="TaskFailedException"/> when it failed.</returns>
    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null)
        => CallActivityAsync<object?>(name, input, options);

    /// <summary>Starts a sub-orchestration and returns its output.</summary>
    /// <typeparam name="TResult">The sub-orchestration's output type.</typeparam>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="input">The serialisable input.</param>
    /// <param name="options">Retry options and instance id (<see cref="SubOrchestrationOptions"/>).</param>
    /// <returns>The output; throws <see cref="TaskFailedException"/> when the sub-orchestration failed.</returns>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>Starts a sub-orchestration and waits for it to finish.</summary>
    /// <param name="orchestratorName">The orchestrator name.</param>
    /// <param name="input">The serialisable input.</param>
    /// <param name="options">Retry options and instance id (<see cref="SubOrchestrationOptions"/>).</param>
    /// <returns>A task that completes with the sub-orchestration.</returns>
    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
        => CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>Creates a durable timer that fires at <paramref name="fireAt"/> (UTC). There is no maximum length.</summary>
    /// <param name="fireAt">When the timer fires.</param>
    /// <param name="cancellationToken">Cancels the wait (the returned task becomes canceled).</param>
    /// <returns>A task that completes when the timer fires.</returns>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer that fires after <paramref name="delay"/> from <see cref="CurrentUtcDateTime"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the timer fires.</returns>
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for an external event. Events raised before the wait are buffered and delivered to the first matching
    /// wait (names are case-insensitive).
    /// </summary>
    /// <typeparam name="T">The event payload type.</typeparam>
    /// <param name="eventName">The event name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The event payload.</returns>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for an external event for at most <paramref name="timeout"/> (a durable timer); throws
    /// <see cref="TaskCanceledException"/> when the timeout fires first.
    /// </summary>
    /// <typeparam name="T">The event payload type.</typeparam>
    /// <param name="eventName">The event name.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The event payload.</returns>
    public virtual async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await WaitForExternalEvent<T>(eventName, cancellationToken);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var eventTask = WaitForExternalEvent<T>(eventName, cts.Token);
        if (eventTask.IsCompleted)
        {
            return await eventTask;
        }

        var timerTask = CreateTimer(timeout, cts.Token);
        var winner = await Task.WhenAny(eventTask, timerTask);
        if (winner == eventTask)
        {
            cts.Cancel();
            return await eventTask;
        }

        cts.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        throw new TaskCanceledException($"Timed out after {timeout} waiting for external event '{eventName}'.");
    }

    /// <summary>
    /// Restarts the orchestration with new input and an empty history once the current code returns (keeps eternal
    /// orchestrations bounded). Events not yet delivered are carried over when <paramref name="preserveUnprocessedEvents"/>.
    /// </summary>
    /// <param name="newInput">The new input.</param>
    /// <param name="preserveUnprocessedEvents">Whether buffered, undelivered events are carried into the new execution.</param>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>Sets the custom status a client can read; serialised with the runtime's JSON options.</summary>
    /// <param name="customStatus">The status object, or <c>null</c> to clear it.</param>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Returns a GUID that is the same on every replay.</summary>
    /// <returns>A deterministic GUID.</returns>
    public abstract Guid NewGuid();

    /// <summary>Returns the orchestration input deserialised as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The input.</returns>
    public abstract T? GetInput<T>();

    /// <summary>Creates a logger that writes only when the orchestrator is not replaying.</summary>
    /// <param name="categoryName">The log category.</param>
    /// <returns>A replay-safe logger.</returns>
    public virtual ILogger CreateReplaySafeLogger(string categoryName)
        => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(categoryName));

    /// <summary>Creates a logger that writes only when the orchestrator is not replaying.</summary>
    /// <param name="type">The type whose name is the log category.</param>
    /// <returns>A replay-safe logger.</returns>
    public virtual ILogger CreateReplaySafeLogger(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return CreateReplaySafeLogger(type.FullName ?? type.Name);
    }

    /// <summary>Creates a logger that writes only when the orchestrator is not replaying.</summary>
    /// <typeparam name="T">The type whose name is the log category.</typeparam>
    /// <returns>A replay-safe logger.</returns>
    public virtual ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T));
}
