using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Worker;

/// <summary>
/// The embedded engine as a backend of Microsoft's worker builder (a <see cref="DurableTaskWorker"/>, chosen with
/// <c>UseSqlite</c>, which calls <c>UseBuildTarget</c>): dispatches episodes and activities leased to this process, fires
/// due timers from the store's due-time index, and periodically takes over expired leases. Orchestrators and activities
/// come from the builder's <see cref="IDurableTaskFactory"/> (the official registry, with dependency injection). New
/// work arrives through in-memory channels right after the transaction that created it commits: no polling delay.
/// </summary>
public sealed class StoreDurableTaskWorker : DurableTaskWorker, IAsyncDisposable
{
    /// <summary>Dispatch loops per kind at most; more would only be idle tasks (episodes mostly wait for the group commit).</summary>
    private const int MaxDispatchLoops = 64;

    private static readonly TimeSpan MaxTimerSleep = TimeSpan.FromHours(1);

    /// <summary>How far the clock may move while the timer loop arms its sleep before it looks again (a jump, not drift).</summary>
    private static readonly TimeSpan ClockJumpTolerance = TimeSpan.FromMilliseconds(1);

    private readonly IOrchestrationStore store;
    private readonly IDurableTaskFactory factory;
    private readonly IServiceProvider services;
    private readonly DataConverter converter;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly StoreWorkerOptions options;
    private readonly Channel<string> instances = Channel.CreateUnbounded<string>();
    private readonly Channel<ActivityWorkItem> activities = Channel.CreateUnbounded<ActivityWorkItem>();
    private readonly ConcurrentDictionary<string, CachedHistory> historyCache = new(StringComparer.Ordinal);
    private readonly Lock idleGate = new();
    private readonly List<TaskCompletionSource> idleWaiters = [];
    private readonly List<Task> loops = [];
    private CancellationTokenSource? stopping;
    private TaskCompletionSource timerWake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long timerSleepUntilMs = long.MaxValue;
    private int outstanding;
    private long activityEpoch;
    private TaskCompletionSource busySignal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the worker; Microsoft's worker builder does, with the builder's name and task factory.</summary>
    /// <param name="name">The builder's name.</param>
    /// <param name="factory">Creates orchestrators and activities (the official registry's factory).</param>
    /// <param name="store">The store.</param>
    /// <param name="services">The service provider activities are resolved from (a scope per invocation).</param>
    /// <param name="options">Worker options (Microsoft's, with this engine's additions), by builder name.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> in production.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    [ActivatorUtilitiesConstructor]
    public StoreDurableTaskWorker(
        string name,
        IDurableTaskFactory factory,
        IOrchestrationStore store,
        IServiceProvider services,
        IOptionsMonitor<StoreWorkerOptions> options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
        : base(name, factory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Get(name);
        if (value.Concurrency.MaximumConcurrentOrchestrationWorkItems < 1 || value.Concurrency.MaximumConcurrentActivityWorkItems < 1 || value.MaintenanceInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Worker options are invalid: concurrency limits must be at least 1 and {nameof(StoreWorkerOptions.MaintenanceInterval)} positive.",
                nameof(options));
        }

        this.store = store;
        this.factory = factory;
        this.services = services;
        converter = value.DataConverter ?? JsonDataConverter.Default;
        this.options = value;
        time = timeProvider ?? TimeProvider.System;
        this.loggerFactory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        logger = this.loggerFactory.CreateLogger<StoreDurableTaskWorker>();
    }

    /// <summary>Whether the worker has no episode, activity or announced work in progress.</summary>
    public bool IsIdle => Volatile.Read(ref outstanding) == 0;

    /// <summary>The data converter the engine serialises inputs, outputs, events and custom status with.</summary>
    public DataConverter DataConverter => converter;

    /// <summary>The store this worker runs on.</summary>
    public IOrchestrationStore Store => store;

    /// <summary>
    /// Starts the dispatchers and claims work left by an earlier run before it returns (so a test or a host sees a
    /// running worker at once), instead of starting in the background as <see cref="Microsoft.Extensions.Hosting.BackgroundService"/> would.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        stopping = new CancellationTokenSource();
        var token = stopping.Token;
        store.AttachWorker(new Notifier(this));
        for (var i = 0; i < Math.Min(MaxDispatchLoops, options.Concurrency.MaximumConcurrentOrchestrationWorkItems); i++)
        {
            loops.Add(Task.Run(() => OrchestrationLoopAsync(token), CancellationToken.None));
        }

        for (var i = 0; i < Math.Min(MaxDispatchLoops, options.Concurrency.MaximumConcurrentActivityWorkItems); i++)
        {
            loops.Add(Task.Run(() => ActivityLoopAsync(token), CancellationToken.None));
        }

        loops.Add(Task.Run(() => TimerLoopAsync(token), CancellationToken.None));
        loops.Add(Task.Run(() => MaintenanceLoopAsync(token), CancellationToken.None));

        // Recovery: work left by a previous run of this or a crashed worker (once its lease expired).
        await store.ClaimAvailableWorkAsync(cancellationToken).ConfigureAwait(false);
        Logs.WorkerStarted(logger, store.LeaseOwner);
    }

    /// <summary>Stops the dispatchers and releases this process's leases, so a restarted worker continues at once.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (stopping is null)
        {
            return;
        }

        store.AttachWorker(null);
        await stopping.CancelAsync().ConfigureAwait(false);
        instances.Writer.TryComplete();
        activities.Writer.TryComplete();
        try
        {
            await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Leases of unfinished work expire and are taken over on the next start.
        }

        try
        {
            await store.ReleaseLeasesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }

        loops.Clear();
        stopping.Dispose();
        stopping = null;
        Logs.WorkerStopped(logger, store.LeaseOwner);
    }

    /// <summary>Completes when no episode, activity or announced work is in progress (a snapshot; new work may follow).</summary>
    /// <returns>A task.</returns>
    public Task WaitForIdleAsync()
    {
        lock (idleGate)
        {
            if (outstanding == 0)
            {
                return Task.CompletedTask;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idleWaiters.Add(tcs);
            return tcs.Task;
        }
    }

    /// <summary>Fires every timer due at the current time now, without waiting for the timer loop.</summary>
    /// <returns>The number of timers fired.</returns>
    public async Task<int> FireDueTimersAsync()
    {
        var total = 0;
        int fired;
        do
        {
            fired = await store.FireDueTimersAsync(time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            total += fired;
        }
        while (fired > 0);
        return total;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Dispose();
    }

    /// <summary>Not used: <see cref="StartAsync"/> starts the loops itself.</summary>
    /// <param name="stoppingToken">Unused.</param>
    /// <returns>A completed task.</returns>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>
    /// The replay check: replays the stored history of every running (or suspended) instance against the orchestrator
    /// code registered with this worker, writing nothing, and names each instance whose next replay would fail with a
    /// nondeterminism error: run it before deploying changed orchestrators. The worker need not be started.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>How many instances were checked and which would break.</returns>
    public async Task<ReplayCheckResult> CheckReplayAsync(CancellationToken cancellationToken = default)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var breaks = new List<ReplayBreak>();
        var checkedCount = 0;
        var query = new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
            PageSize = 500,
            FetchInputsAndOutputs = true,
        };
        do
        {
            var (items, next) = await store.QueryInstancesAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var instance in items)
            {
                var history = await store.GetHistoryAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
                if (history.Count == 0)
                {
                    continue; // not started yet: nothing recorded to disagree with
                }

                checkedCount++;
                if (CreateRunner().Replay(instance, history) is { } divergence)
                {
                    breaks.Add(new ReplayBreak(instance.InstanceId, instance.Name, divergence.Step, divergence.Difference));
                }
            }

            query = query with { ContinuationToken = next };
        }
        while (query.ContinuationToken is not null);

        return new ReplayCheckResult(checkedCount, breaks);
    }

    /// <summary>Creates the replaying context for one episode (also used by the replay check).</summary>
    internal OrchestrationRunner CreateRunner() => new(factory, services, converter, loggerFactory);

    /// <summary>A counter bumped whenever the worker goes from idle to busy or a timer is created.</summary>
    internal long ActivityEpoch => Interlocked.Read(ref activityEpoch);

    /// <summary>Completes once <see cref="ActivityEpoch"/> differs from <paramref name="epoch"/>.</summary>
    internal async Task WaitForBusyAsync(long epoch, CancellationToken cancellationToken)
    {
        while (ActivityEpoch == epoch)
        {
            await Volatile.Read(ref busySignal).Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void SignalBusy()
    {
        Interlocked.Increment(ref activityEpoch);
        Interlocked.Exchange(ref busySignal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private void Increment()
    {
        if (Interlocked.Increment(ref outstanding) == 1)
        {
            SignalBusy();
        }
    }

    private void Decrement()
    {
        if (Interlocked.Decrement(ref outstanding) != 0)
        {
            return;
        }

        TaskCompletionSource[] waiters;
        lock (idleGate)
        {
            if (outstanding != 0)
            {
                return;
            }

            waiters = [.. idleWaiters];
            idleWaiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult();
        }
    }

    private async Task OrchestrationLoopAsync(CancellationToken token)
    {
        var reader = instances.Reader;
        while (await WaitToReadAsync(reader, token).ConfigureAwait(false))
        {
            while (reader.TryRead(out var instanceId))
            {
                try
                {
                    await RunEpisodeAsync(instanceId, token).ConfigureAwait(false);
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    historyCache.TryRemove(instanceId, out _);
                    Logs.EpisodeError(logger, ex, instanceId);
                    await TryAsync(() => store.AbandonInstanceAsync(instanceId, CancellationToken.None)).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Shutting down: the lease expires and another start redoes the episode.
                }
                finally
                {
                    Decrement();
                }
            }
        }
    }

    private async Task RunEpisodeAsync(string instanceId, CancellationToken token)
    {
        historyCache.TryGetValue(instanceId, out var cached);
        var workItem = await store.LoadWorkItemAsync(instanceId, cached?.Events.Count, token).ConfigureAwait(false);
        if (workItem is not null && workItem.History is null && cached!.ExecutionId != workItem.Instance.ExecutionId)
        {
            // Same length but another execution (the id was reused): the cached copy is not this history.
            workItem = await store.LoadWorkItemAsync(instanceId, null, token).ConfigureAwait(false);
        }

        if (workItem is null)
        {
            historyCache.TryRemove(instanceId, out _);
            return;
        }

        // The stored history is the cached one: with extended sessions the runner that built it, still waiting where the
        // orchestrator waits, takes the new messages without replaying (an episode costs what is new, not the whole
        // execution so far).
        var history = workItem.History ?? cached!.Events;
        var runner = options.ExtendedSessions && workItem.History is null && cached!.Runner is { IsWarm: true } warm ? warm : CreateRunner();
        var (result, historyAfter) = runner.Run(workItem.Instance, history, workItem.Messages, time.GetUtcNow());
        if (workItem.HeldUnreadAfter is { } unread && runner.DroppedUnprocessedEvents)
        {
            result = result with { DropHeldAfter = unread }; // as the ones loaded were
        }
        else if (workItem.HeldUnreadAfter is { } rest && runner.WaitsForEvents)
        {
            result = result with { UnholdAfter = rest }; // what it waits for may be among the held ones not loaded
        }

        // Cached before the commit, because the commit can hand the instance straight back to another loop of this
        // worker (messages arrived meanwhile); a failed commit takes the entry out again. No other episode of the
        // instance can start before the commit: the lease is this worker's until then.
        var cache = historyAfter is not null && options.HistoryCacheSize > 0;
        if (cache)
        {
            if (historyCache.Count >= options.HistoryCacheSize)
            {
                historyCache.Clear(); // crude bound: idle instances must not hold memory
            }

            runner.Committed();
            historyCache[instanceId] = new CachedHistory(result.ExecutionId, historyAfter!, options.ExtendedSessions ? runner : null);
        }

        var committed = await store.CommitEpisodeAsync(result, CancellationToken.None).ConfigureAwait(false);
        if (!committed)
        {
            Logs.LeaseLost(logger, instanceId);
            historyCache.TryRemove(instanceId, out _);
        }
        else if (!cache && !(result.InstanceUnchanged && cached is not null && workItem.History is null))
        {
            // Finished, or nothing taken by a runner that replayed: there is no warm copy to keep.
            historyCache.TryRemove(instanceId, out _);
        }
    }

    private async Task ActivityLoopAsync(CancellationToken token)
    {
        var reader = activities.Reader;
        while (await WaitToReadAsync(reader, token).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                try
                {
                    var result = await ExecuteActivityAsync(item, token).ConfigureAwait(false);
                    if (token.IsCancellationRequested)
                    {
                        continue; // shutting down: the lease expires and the activity runs again (at least once)
                    }

                    if (!await store.CompleteActivityAsync(item, result, CancellationToken.None).ConfigureAwait(false))
                    {
                        Logs.DuplicateActivityResult(logger, item.Name, item.InstanceId);
                    }
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    // Never lose it: release the lease so the next scan runs the activity again (at least once).
                    Logs.ActivityCommitError(logger, ex, item.Name, item.InstanceId);
                    await TryAsync(() => store.AbandonActivityAsync(item, CancellationToken.None)).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Shutting down.
                }
                finally
                {
                    Decrement();
                }
            }
        }
    }

    private async Task<HistoryEvent> ExecuteActivityAsync(ActivityWorkItem item, CancellationToken token)
    {
        try
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                if (!factory.TryCreateActivity(new TaskName(item.Name), scope.ServiceProvider, out var activity))
                {
                    throw new InvalidOperationException($"No activity task named '{item.Name}' was found.");
                }

                var input = item.Input is null ? null : converter.Deserialize(item.Input, activity.InputType);
                var output = await activity.RunAsync(new ActivityContext(item), input).ConfigureAwait(false);
                return new HistoryEvent
                {
                    Type = HistoryEventType.TaskCompleted,
                    Timestamp = time.GetUtcNow(),
                    TaskScheduledId = item.TaskId,
                    ExecutionId = item.ExecutionId,
                    Result = converter.Serialize(output),
                };
            }
        }
        catch (Exception ex)
        {
            return new HistoryEvent
            {
                Type = HistoryEventType.TaskFailed,
                Timestamp = time.GetUtcNow(),
                TaskScheduledId = item.TaskId,
                ExecutionId = item.ExecutionId,
                Failure = TaskFailureDetails.FromException(ex),
            };
        }
    }

    private async Task TimerLoopAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            try
            {
                var wake = Volatile.Read(ref timerWake);

                // While querying, any newly committed timer wakes the loop, so none is missed between query and sleep.
                Interlocked.Exchange(ref timerSleepUntilMs, long.MaxValue);
                var next = await store.GetNextTimerDueAsync(token).ConfigureAwait(false);
                var now = time.GetUtcNow();
                if (next is { } due && due <= now)
                {
                    await store.FireDueTimersAsync(now, token).ConfigureAwait(false);
                    continue;
                }

                var delay = next is { } d ? d - now : MaxTimerSleep;
                if (delay > MaxTimerSleep)
                {
                    delay = MaxTimerSleep;
                }

                Interlocked.Exchange(ref timerSleepUntilMs, (now + delay).ToUnixTimeMilliseconds());
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(token);
                var sleep = Task.Delay(delay, time, cts.Token);

                // The sleep counts from when it was armed. If the clock jumped since `now` was read (a virtual clock in
                // tests, a system clock set forward), it would wake after the due time, or never if the clock stops
                // there: look again instead of sleeping.
                if (time.GetUtcNow() - now > ClockJumpTolerance)
                {
                    await cts.CancelAsync().ConfigureAwait(false);
                    continue;
                }

                await Task.WhenAny(sleep, wake.Task).ConfigureAwait(false);
                await cts.CancelAsync().ConfigureAwait(false);
                if (wake.Task.IsCompleted)
                {
                    Interlocked.CompareExchange(ref timerWake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), wake);
                }
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Logs.LoopError(logger, ex, "timers");
                await DelayQuietly(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
            }
        }
    }

    private void OnTimerCreated(DateTimeOffset due)
    {
        SignalBusy();

        // Wake the timer loop only if the new timer is earlier than what it sleeps until.
        if (due.ToUnixTimeMilliseconds() < Interlocked.Read(ref timerSleepUntilMs))
        {
            Volatile.Read(ref timerWake).TrySetResult();
        }
    }

    private async Task MaintenanceLoopAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            await DelayQuietly(options.MaintenanceInterval, token).ConfigureAwait(false);
            if (token.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await store.RenewLeasesAsync(token).ConfigureAwait(false);
                await store.ClaimAvailableWorkAsync(token).ConfigureAwait(false);
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Logs.LoopError(logger, ex, "maintenance");
            }
        }
    }

    private async Task DelayQuietly(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, time, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<bool> WaitToReadAsync<T>(ChannelReader<T> reader, CancellationToken token)
    {
        try
        {
            return await reader.WaitToReadAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: the lease expires anyway.
        }
    }

    private sealed record CachedHistory(string ExecutionId, List<HistoryEvent> Events, OrchestrationRunner? Runner);

    private sealed class Notifier(StoreDurableTaskWorker worker) : IWorkNotifier
    {
        public void OnInstanceReady(string instanceId)
        {
            worker.Increment();
            if (!worker.instances.Writer.TryWrite(instanceId))
            {
                worker.Decrement();
            }
        }

        public void OnActivityReady(ActivityWorkItem workItem)
        {
            worker.Increment();
            if (!worker.activities.Writer.TryWrite(workItem))
            {
                worker.Decrement();
            }
        }

        public void OnTimerCreated(DateTimeOffset dueAt) => worker.OnTimerCreated(dueAt);
    }

    /// <summary>Microsoft's activity context has no cancellation token: an activity that must stop with the host takes
    /// <c>IHostApplicationLifetime.ApplicationStopping</c> from dependency injection.</summary>
    private sealed class ActivityContext(ActivityWorkItem item) : TaskActivityContext
    {
        public override TaskName Name => new(item.Name);

        public override string InstanceId => item.InstanceId;
    }
}
