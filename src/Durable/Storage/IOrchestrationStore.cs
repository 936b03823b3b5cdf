namespace TicketFlow.Durable.Storage;

/// <summary>
/// The storage boundary between the engine and a backend (SQLite embedded; PostgreSQL for several worker processes
/// later). Every write method is atomic. Work (instances with messages, activities) is leased to
/// <see cref="LeaseOwner"/> with an expiry; work whose lease expired is taken over by <see cref="ClaimAvailableWorkAsync"/>.
/// Once a worker is attached, work a write creates is leased to this process and handed to the notifier after commit.
/// </summary>
public interface IOrchestrationStore : IAsyncDisposable
{
    /// <summary>This process's lease owner id (unique per store instance).</summary>
    string LeaseOwner { get; }

    /// <summary>Creates the schema if needed and opens the store.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Attaches the in-process worker: from now on new work is leased to this process and announced to it.</summary>
    /// <param name="notifier">The worker's notifier, or <c>null</c> to detach.</param>
    void AttachWorker(IWorkNotifier? notifier);

    /// <summary>Registers a callback invoked after commit with the id of every instance whose row changed.</summary>
    /// <param name="listener">The callback; must be fast and not throw.</param>
    /// <returns>Disposing removes the callback.</returns>
    IDisposable SubscribeInstanceUpdates(Action<string> listener);

    /// <summary>
    /// Creates an instance. When the id exists: rejected if the existing instance's status is one of
    /// <paramref name="dedupeStatuses"/> (when null: if it is still Running, Pending or Suspended), otherwise replaced.
    /// </summary>
    /// <param name="instance">The instance.</param>
    /// <param name="dedupeStatuses">Statuses of an existing instance that reject the creation (<c>StartOrchestrationOptions.DedupeStatuses</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task; throws <see cref="DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException"/> when rejected.</returns>
    Task CreateInstanceAsync(NewOrchestrationInstance instance, IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupeStatuses, CancellationToken cancellationToken);

    /// <summary>The ids of the sub-orchestrations an instance started (for recursive terminate and purge).</summary>
    /// <param name="instanceId">The parent instance.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The children's ids.</returns>
    Task<IReadOnlyList<string>> GetSubOrchestrationIdsAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Adds a message to an instance's inbox.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="message">The message (EventRaised, ExecutionTerminated, ExecutionSuspended, ExecutionResumed).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns><c>false</c> when the instance does not exist.</returns>
    Task<bool> SendMessageAsync(string instanceId, HistoryEvent message, CancellationToken cancellationToken);

    /// <summary>Reads an instance row.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="includePayloads">Whether input, output and custom status are read.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The row, or <c>null</c>.</returns>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellationToken);

    /// <summary>Reads one page of instances matching a query, ordered by creation time then id.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The page and the continuation token for the next one.</returns>
    Task<(IReadOnlyList<InstanceRecord> Items, string? ContinuationToken)> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken);

    /// <summary>Reads the current execution's history.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The events in order.</returns>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Deletes an instance with its history, inbox, timers and activities.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of instances deleted (0 or 1).</returns>
    Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Deletes every instance matching the filter, in bulk.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of instances deleted.</returns>
    Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken);

    /// <summary>Loads what an episode needs for an instance leased to this process.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cachedHistoryCount">The length of the caller's cached history, if any.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The work item, or <c>null</c> when the instance is gone or no longer leased to this process.</returns>
    Task<OrchestrationWorkItem?> LoadWorkItemAsync(string instanceId, int? cachedHistoryCount, CancellationToken cancellationToken);

    /// <summary>
    /// Commits one episode atomically, if this process still holds the instance's lease. The lease is kept (and the
    /// instance announced again) when more messages arrived meanwhile; otherwise released.
    /// </summary>
    /// <param name="episode">The episode's writes.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns><c>false</c> when the lease was lost and nothing was written.</returns>
    Task<bool> CommitEpisodeAsync(OrchestrationEpisodeResult episode, CancellationToken cancellationToken);

    /// <summary>Gives up this process's lease on an instance after an unexpected error, so a later scan retries it.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task AbandonInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Gives up this process's lease on an activity whose result could not be recorded, so it runs again.</summary>
    /// <param name="workItem">The activity.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken);

    /// <summary>
    /// Records an activity's result: deletes the work item and sends the result to the instance. A duplicate (the work
    /// item is already gone) is discarded.
    /// </summary>
    /// <param name="workItem">The activity.</param>
    /// <param name="result">TaskCompleted or TaskFailed.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns><c>false</c> when discarded as a duplicate.</returns>
    Task<bool> CompleteActivityAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken);

    /// <summary>Moves timers due at or before <paramref name="now"/> into their instances' inboxes (each fires once).</summary>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of timers fired.</returns>
    Task<int> FireDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The earliest timer due time, found through the due-time index.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The due time, or <c>null</c> when there are no timers.</returns>
    Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken);

    /// <summary>Leases to this process all unleased work and work whose lease expired, and announces it.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of instances and activities claimed.</returns>
    Task<int> ClaimAvailableWorkAsync(CancellationToken cancellationToken);

    /// <summary>Extends the expiry of every lease this process holds.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task RenewLeasesAsync(CancellationToken cancellationToken);

    /// <summary>Releases every lease this process holds (orderly shutdown) so another worker can continue at once.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ReleaseLeasesAsync(CancellationToken cancellationToken);
}
