using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Worker;

/// <summary>
/// The durable worker (a hosted service): dispatches episodes and activities leased to this process, fires due timers
/// from the store's due-time index, and periodically takes over expired leases. New work arrives through in-memory
/// channels right after the transaction that created it commits, so there is no polling delay.
/// </summary>
public sealed class DurableTaskWorker : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan MaxTimerSleep = TimeSpan.FromHours(1);

    /// <summary>How far the clock may move while the timer loop arms its sleep before it looks again (a jump, not drift).</summary>
    private static readonly TimeSpan ClockJumpTolerance = TimeSpan.FromMilliseconds(1);

    private readonly IOrchestrationStore store;
    private readonly DurableTaskRegistry registry;
    private readonly IServiceProvider services;
    private readonly DataConverter converter;
    private readonly TimeProvider time;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly DurableTaskWorkerOptions options;
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

    /// <summary>Creates the worker (normally through <c>AddDurableTaskWorker</c>).</summary>
    /// <param name="store">The store.</param>
    /// <param name="registry">The registered orchestrators and activities.</param>
    /// <param name="services">The service provider activities are resolved from.</param>
    /// <param name="converter">The data converter.</param>
    /// <param name="options">Worker options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> in production.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    public DurableTaskWorker(
        IOrchestrationStore store,
        DurableTaskRegistry registry,
        IServiceProvider services,
        DataConverter converter,
        IOptions<DurableTaskWorkerOptions> options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.MaxConcurrentOrchestrations < 1 || options.Value.MaxConcurrentActivities < 1 || options.Value.MaintenanceInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"{nameof(DurableTaskWorkerOptions)} is invalid: concurrency limits must be at least 1 and {nameof(DurableTaskWorkerOptions.MaintenanceInterval)} positive.",
                nameof(options));
        }

        this.store = store;
        this.registry = registry;
        this.services = services;
        this.converter = converter;
        this.options = options.Value;
        time = timeProvider ?? TimeProvider.System;
        this.loggerFactory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        logger = this.loggerFactory.CreateLogger<DurableTaskWorker>();
    }

    /// <summary>Whether the worker has no episode, activity or announced work in progress.</summary>
    public bool IsIdle => Volatile.Read(ref outstanding) == 0;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        stopping = new CancellationTokenSource();
        var token = stopping.Token;
        store.AttachWorker(new Notifier(this));
        for (var i = 0; i < Math.Max(1, options.MaxConcurrentOrchestrations); i++)
        {
            loops.Add(Task.Run(() => OrchestrationLoopAsync(token), CancellationToken.None));
        }

        for (var i = 0; i < Math.Max(1, options.MaxConcurrentActivities); i++)
        {
            loops.Add(Task.Run(() => ActivityLoopAsync(token), CancellationToken.None));
        }

        loops.Add(Task.Run(() => TimerLoopAsync(token), CancellationToken.None));
        loops.Add(Task.Run(() => MaintenanceLoopAsync(token), CancellationToken.None));

        // Recovery: work left by a previous run of this or a crashed worker (once its lease expired).
        await store.ClaimAvailableWorkAsync(cancellationToken).ConfigureAwait(false);
        Logs.WorkerStarted(logger, store.LeaseOwner);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
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
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

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

        var history = workItem.History ?? cached!.Events;
        var runner = new OrchestrationRunner(registry, services, converter, loggerFactory);
        var (result, historyAfter) = runner.Run(workItem.Instance, history, workItem.Messages, time.GetUtcNow());
        var committed = await store.CommitEpisodeAsync(result, CancellationToken.None).ConfigureAwait(false);
        if (!committed)
        {
            Logs.LeaseLost(logger, instanceId);
        }

        if (committed && historyAfter is not null && options.HistoryCacheSize > 0)
        {
            if (historyCache.Count >= options.HistoryCacheSize)
            {
                historyCache.Clear(); // crude bound: idle instances must not hold memory
            }

            historyCache[instanceId] = new CachedHistory(result.ExecutionId, historyAfter);
        }
        else if (!result.InstanceUnchanged)
        {
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
            if (!registry.TryGetActivity(item.Name, out var factory))
            {
                throw new InvalidOperationException($"No activity named '{item.Name}' is registered with this worker.");
            }

            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var activity = factory(scope.ServiceProvider);
                var input = converter.Deserialize(item.Input, activity.InputType);
                var output = await activity.RunAsync(new ActivityContext(item, token), input).ConfigureAwait(false);
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

    private sealed record CachedHistory(string ExecutionId, List<HistoryEvent> Events);

    private sealed class Notifier(DurableTaskWorker worker) : IWorkNotifier
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

    private sealed class ActivityContext(ActivityWorkItem item, CancellationToken token) : TaskActivityContext
    {
        public override TaskName Name => new(item.Name);

        public override string InstanceId => item.InstanceId;

        public override CancellationToken CancellationToken => token;
    }
}
