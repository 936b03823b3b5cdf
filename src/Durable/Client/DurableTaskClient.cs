using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Client;

/// <summary>Starts, queries and manages orchestration instances (as in Microsoft.DurableTask).</summary>
public abstract class DurableTaskClient
{
    /// <summary>Schedules a new orchestration instance and returns its id.</summary>
    /// <param name="orchestratorName">The orchestrator name (use <c>nameof</c>).</param>
    /// <param name="input">The serialisable input.</param>
    /// <param name="options">Instance id, start time, id reuse policy and version.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The instance id.</returns>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default);

    /// <summary>Reads an instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether input, output and custom status are read.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The metadata, or <c>null</c> when there is no such instance.</returns>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Reads an instance (alias of <see cref="GetInstanceAsync"/>).</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether input, output and custom status are read.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The metadata, or <c>null</c>.</returns>
    public virtual Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <summary>Reads one page of instances matching a query.</summary>
    /// <param name="query">The query (its continuation token selects the page).</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The page.</returns>
    public abstract Task<Page<OrchestrationMetadata>> GetInstancesPageAsync(OrchestrationQuery query, CancellationToken cancellation = default);

    /// <summary>Lists every instance matching a query, page by page.</summary>
    /// <param name="query">The query; all instances when <c>null</c>.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The instances.</returns>
    public virtual async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? query = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var current = query ?? new OrchestrationQuery();
        while (true)
        {
            var page = await GetInstancesPageAsync(current, cancellation).ConfigureAwait(false);
            foreach (var item in page.Values)
            {
                yield return item;
            }

            if (page.ContinuationToken is null)
            {
                yield break;
            }

            current = current with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>Sends an event to an instance; it is buffered until the orchestrator waits for it.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="eventPayload">The serialisable payload.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>A task; throws <see cref="InvalidOperationException"/> when there is no such instance.</returns>
    public abstract Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

    /// <summary>Terminates an instance with an optional output.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="output">The serialisable output recorded for the instance.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>A task.</returns>
    public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default);

    /// <summary>Suspends an instance: it records but does not process events until resumed.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="reason">Why (recorded in history).</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>A task.</returns>
    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Resumes a suspended instance; buffered events are then processed in order.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="reason">Why (recorded in history).</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>A task.</returns>
    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Deletes an instance and everything stored for it.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>How many instances were deleted.</returns>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Deletes every instance matching a filter (bulk).</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>How many instances were deleted.</returns>
    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default);

    /// <summary>Waits until the instance has started (is no longer Pending).</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether input, output and custom status are read.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The metadata.</returns>
    public abstract Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Waits until the instance is Completed, Failed or Terminated.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="getInputsAndOutputs">Whether input, output and custom status are read.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The metadata.</returns>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Reads the current execution's history (diagnostics and tests).</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The history events in order.</returns>
    public abstract Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default);
}
