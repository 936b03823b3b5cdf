using System.Security.Cryptography;
using System.Text;
using NonDeterministicOrchestrationException = DurableTask.Core.Exceptions.NonDeterministicOrchestrationException;
using Microsoft.DurableTask.Entities;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Logging;
using TicketFlow.Durable.Internal;
using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Worker;

/// <summary>
/// Runs one episode of one instance: replays the orchestrator over its history (matching every scheduling call
/// against the recorded one), applies the new messages, and turns the new actions into history and outbound work.
/// It is also the orchestrator's <see cref="TaskOrchestrationContext"/> (Microsoft.DurableTask's abstract class) for
/// that episode.
/// </summary>
internal sealed class OrchestrationRunner : TaskOrchestrationContext
{
#pragma warning disable CS0618 // Only a marker inside the runner: never stored or shown (see BuildResult).
    private const OrchestrationRuntimeStatus ContinuedAsNew = OrchestrationRuntimeStatus.ContinuedAsNew;
#pragma warning restore CS0618

    private static readonly Guid GuidNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    private readonly IDurableTaskFactory factory;
    private readonly IServiceProvider services;
    private readonly DataConverter converter;
    private readonly ILoggerFactory loggerFactory;
    private readonly ReplaySynchronizationContext syncContext = new();
    private readonly List<PendingAction> actions = [];
    private readonly Dictionary<int, PendingAction> actionsById = [];
    private readonly Dictionary<int, Action<HistoryEvent>> openTasks = [];
    private readonly List<HistoryEvent> bufferedEvents = [];
    private readonly List<EventWaiter> waiters = [];
    private List<HistoryEvent> deferred = [];

    private string instanceId = string.Empty;
    private TaskName name = new("Unknown");
    private string version = string.Empty;
    private ParentOrchestrationInstance? parent;
    private int? parentTaskId;
    private string? parentExecutionId;
    private string executionId = string.Empty;
    private string? loadedExecutionId;
    private string? recordedVersion;
    private string? serializedInput;
    private bool started;
    private bool warm;
    private bool isReplaying;
    private DateTime currentUtc;
    private int nextTaskId;
    private int guidCounter;
    private bool suspended;
    private Task<object?>? orchestratorTask;
    private ITaskOrchestrator? orchestrator;
    private (string? Input, bool Preserve)? continueAsNew;
    private string? newVersion;
    private int replayStep;
    private string? customStatus;
    private Completion? completion;

    public OrchestrationRunner(IDurableTaskFactory factory, IServiceProvider services, DataConverter converter, ILoggerFactory loggerFactory)
    {
        this.factory = factory;
        this.services = services;
        this.converter = converter;
        this.loggerFactory = loggerFactory;
    }

    private enum ActionKind
    {
        Activity,
        Timer,
        SubOrchestration,
        SendEvent,
    }

    public override TaskName Name => name;

    public override string InstanceId => instanceId;

    public override string Version => version;

    public override ParentOrchestrationInstance? Parent => parent;

    public override bool IsReplaying => isReplaying;

    public override DateTime CurrentUtcDateTime => currentUtc;

    /// <summary>Durable Entities are not part of this engine (see src/Durable/README.md).</summary>
    public override TaskOrchestrationEntityFeature Entities => throw new NotSupportedException(
        "Durable Entities are not supported by TicketFlow.Durable (context.Entities); run entities on Durable Functions or the Durable Task Scheduler.");

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    /// <summary>The failure of the last run, when the replay found the code no longer matches history.</summary>
    public NonDeterministicOrchestrationException? NondeterminismFailure { get; private set; }

    /// <summary>Whether the episode continued as new without the events it had not processed.</summary>
    public bool DroppedUnprocessedEvents => completion?.Status == ContinuedAsNew && continueAsNew is { Preserve: false };

    /// <summary>Whether the orchestrator, where it stopped, waits for an external event.</summary>
    public bool WaitsForEvents => waiters.Count > 0;

    /// <summary>Whether the runner can take its instance's next episode without replaying (see <see cref="Committed"/>).</summary>
    public bool IsWarm => warm;

    /// <summary>
    /// Told when the episode <see cref="Run"/> built was committed: what it scheduled is now in the history, so the
    /// runner, still holding the orchestrator where it waits, can take the next episode's messages without replaying
    /// the history (as Durable Functions' extended sessions do). A finished or failed orchestration cannot.
    /// </summary>
    public void Committed()
    {
        foreach (var action in actions)
        {
            action.Recorded = true;
        }

        warm = completion is null && NondeterminismFailure is null;
    }

    /// <summary>Runs the episode and returns what it writes and the full history after it (for the cache).</summary>
    public (OrchestrationEpisodeResult Result, List<HistoryEvent>? HistoryAfter) Run(
        InstanceRecord instance, IReadOnlyList<HistoryEvent> history, IReadOnlyList<StoredMessage> messages, DateTimeOffset now)
    {
        instanceId = instance.InstanceId;
        loadedExecutionId = instance.ExecutionId;
        recordedVersion = string.IsNullOrEmpty(instance.Version) ? null : instance.Version;
        executionId = instance.ExecutionId ?? string.Empty;
        var consumed = messages.Select(m => m.Id).ToList();

        if (instance.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            // Late messages for a finished instance (a duplicate activity result, an event after completion) are discarded.
            return (Unchanged(instance, consumed), null);
        }

        // A start message sorts first so that events raised together with the start are delivered, not dropped.
        var ordered = messages.OrderBy(m => m.Event.Type == HistoryEventType.ExecutionStarted ? 0 : 1).ToList();
        var seenThrough = messages.Count == 0 ? (long?)null : messages.Max(m => m.Id);
        if (history.Count == 0 && !ordered.Any(m => m.Event.Type == HistoryEventType.ExecutionStarted))
        {
            if (ordered.FirstOrDefault(m => m.Event.Type == HistoryEventType.ExecutionTerminated)?.Event is { } terminate)
            {
                // Terminated before it started (a scheduled start not yet due).
                return (new OrchestrationEpisodeResult
                {
                    InstanceId = instanceId,
                    LoadedExecutionId = loadedExecutionId,
                    ConsumedMessageIds = consumed,
                    HistoryBase = 0,
                    NewHistory = [terminate, Completed(OrchestrationRuntimeStatus.Terminated, terminate.Input, null, now)],
                    Status = OrchestrationRuntimeStatus.Terminated,
                    ExecutionId = executionId,
                    Output = terminate.Input,
                    Input = instance.Input,
                    Version = instance.Version,
                }, null);
            }

            // Events raised before a scheduled start stay in the inbox until the start message arrives.
            return (Unchanged(instance, [], seenThrough), null);
        }

        var newHistory = new List<HistoryEvent>();
        var leftovers = new List<StoredMessage>();
        var held = new List<StoredMessage>();
        var delivered = 0;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(syncContext);
        try
        {
            // A warm runner has applied this history already (its last episode committed it): it goes on from there.
            if (!warm)
            {
                ReplayHistory(history);
            }

            isReplaying = false;

            var episodeStart = new HistoryEvent { Type = HistoryEventType.OrchestratorStarted, Timestamp = now };
            newHistory.Add(episodeStart);
            Apply(episodeStart, past: false, history.Count);
            foreach (var message in ordered)
            {
                if (completion is not null)
                {
                    leftovers.Add(message);
                    continue;
                }

                if (!Accept(message.Event))
                {
                    continue;
                }

                // An event no one waits for yet stays in the inbox, as if it had not arrived, instead of entering the
                // history: a backlog of events (hundreds raised while the orchestration awaits its activities) would
                // otherwise be replayed by every later episode and carried into every ContinueAsNew. Delivering it
                // when its waiter appears is what buffering it would have done. Events of one name keep their order.
                if (ShouldHold(message.Event, held))
                {
                    held.Add(message);
                    continue;
                }

                newHistory.Add(message.Event);
                Apply(message.Event, past: false, history.Count + newHistory.Count - 1);
                delivered++;
                delivered += DeliverHeld(held, newHistory, history.Count);
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            NondeterminismFailure = ex;

            // Built by hand: TaskFailureDetails.FromException reads a Durable Task Framework exception's own
            // (here empty) failure details and would report "(unknown)".
            completion = new Completion(OrchestrationRuntimeStatus.Failed, null, new TaskFailureDetails(ex.GetType().FullName!, ex.Message, ex.StackTrace, null, null));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (delivered == 0 && completion is null && NondeterminismFailure is null)
        {
            // Nothing this episode could take (every message held or discarded): no history, no new episode record.
            consumed.RemoveAll(id => held.Exists(h => h.Id == id));
            return (Unchanged(instance, consumed, seenThrough), null);
        }

        return BuildResult(instance, history, newHistory, leftovers, held, consumed, seenThrough, now);
    }

    /// <summary>Whether <paramref name="e"/> waits in the inbox: an event with no waiter, or behind one of its name that waits.</summary>
    private bool ShouldHold(HistoryEvent e, List<StoredMessage> held) =>
        e.Type == HistoryEventType.EventRaised && !suspended
        && (held.Exists(h => SameName(h.Event, e)) || !HasWaiter(e));

    private static bool SameName(HistoryEvent a, HistoryEvent b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private bool HasWaiter(HistoryEvent e) => waiters.Exists(w => string.Equals(w.Name, e.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Delivers held events, oldest of each name first, for as long as the orchestration waits for them.</summary>
    private int DeliverHeld(List<StoredMessage> held, List<HistoryEvent> newHistory, int historyBase)
    {
        var count = 0;
        for (var i = 0; i < held.Count && completion is null; i++)
        {
            var e = held[i].Event;
            if (held.FindIndex(h => SameName(h.Event, e)) != i || !HasWaiter(e))
            {
                continue;
            }

            held.RemoveAt(i);
            newHistory.Add(e);
            Apply(e, past: false, historyBase + newHistory.Count - 1);
            count++;
            i = -1; // the delivery may have created waiters for earlier names
        }

        return count;
    }

    /// <summary>
    /// Replays the recorded history against the current orchestrator code without applying anything new or writing
    /// anything: the replay check. Returns where and how the code no longer matches, or null when it does.
    /// </summary>
    public ReplayDivergence? Replay(InstanceRecord instance, IReadOnlyList<HistoryEvent> history)
    {
        instanceId = instance.InstanceId;
        loadedExecutionId = instance.ExecutionId;
        recordedVersion = string.IsNullOrEmpty(instance.Version) ? null : instance.Version;
        executionId = instance.ExecutionId ?? string.Empty;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(syncContext);
        try
        {
            ReplayHistory(history);
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return new ReplayDivergence(replayStep, ex.Message);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        // History ends mid-run, so a replay that finishes the orchestrator with a failure means the code now throws
        // where it used to wait (a missing orchestrator class too).
        return completion is { Status: OrchestrationRuntimeStatus.Failed, Failure: { } failure }
            ? new ReplayDivergence(history.Count, $"the orchestrator now fails during replay: {failure.ErrorType}: {failure.ErrorMessage}")
            : null;
    }

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        var serialized = converter.Serialize(input);
        return WithRetries(() => ScheduleTask<TResult>(ActionKind.Activity, name.Name, serialized, null, null, null), options);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var serialized = converter.Serialize(input);
        var sub = options as SubOrchestrationOptions;

        // As in Microsoft's worker: a sub-orchestration records the version asked for, else none.
        var subVersion = sub?.Version?.Version ?? string.Empty;
        var tags = options?.Tags is { Count: > 0 } t ? new Dictionary<string, string>(t) : null;
        return WithRetries(
            () => ScheduleTask<TResult>(ActionKind.SubOrchestration, orchestratorName.Name, serialized, sub?.InstanceId ?? NewGuid().ToString("N"), subVersion, tags),
            options);
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);

        // Like a scheduled task it takes the next id and is matched on replay, so it is sent exactly once.
        AddAction(new PendingAction(nextTaskId++, ActionKind.SendEvent, eventName, converter.Serialize(payload), instanceId));
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var utc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var id = nextTaskId++;
        AddAction(new PendingAction(id, ActionKind.Timer, "Timer", null, null) { FireAt = utc });
        var tcs = new TaskCompletionSource();
        openTasks[id] = _ => tcs.TrySetResult();
        if (cancellationToken.CanBeCanceled)
        {
            // Cancelling only stops the wait: the durable timer stays recorded and its firing is ignored.
            cancellationToken.Register(() =>
            {
                openTasks.Remove(id);
                tcs.TrySetCanceled(cancellationToken);
            });
        }

        return tcs.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var index = bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        var tcs = new TaskCompletionSource<T>();
        if (index >= 0)
        {
            var buffered = bufferedEvents[index];
            bufferedEvents.RemoveAt(index);
            Deliver(tcs, buffered);
            return tcs.Task;
        }

        var waiter = new EventWaiter(eventName, e => Deliver(tcs, e));
        waiters.Add(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (waiters.Remove(waiter))
                {
                    tcs.TrySetCanceled(cancellationToken);
                }
            });
        }

        return tcs.Task;
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
        => continueAsNew = (converter.Serialize(newInput), preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContinueAsNew(options.NewInput, options.PreserveUnprocessedEvents);
        newVersion = string.IsNullOrEmpty(options.NewVersion) ? null : options.NewVersion;
    }

    public override void SetCustomStatus(object? customStatus) => this.customStatus = converter.Serialize(customStatus);

    public override Guid NewGuid()
    {
        // Name-based (version 5) GUID from the execution and a counter: the same on every replay.
        var nameBytes = Encoding.UTF8.GetBytes($"{instanceId}\n{executionId}\n{guidCounter++}");
        var namespaceBytes = GuidNamespace.ToByteArray(bigEndian: true);
#pragma warning disable CA5350 // RFC 4122 name-based GUIDs (version 5) are defined over SHA-1; no security purpose.
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public override T? GetInput<T>()
        where T : default => Read<T>(serializedInput);

    private static HistoryEvent Completed(OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure, DateTimeOffset now)
        => new() { Type = HistoryEventType.ExecutionCompleted, Timestamp = now, Status = status, Result = output, Failure = failure };

    private OrchestrationEpisodeResult Unchanged(InstanceRecord instance, List<long> consumed, long? seenThrough = null) => new()
    {
        SeenThroughMessageId = seenThrough,
        InstanceId = instance.InstanceId,
        LoadedExecutionId = loadedExecutionId,
        ConsumedMessageIds = consumed,
        HistoryBase = instance.HistoryCount,
        NewHistory = [],
        Status = instance.Status,
        ExecutionId = executionId,
        InstanceUnchanged = true,
    };

    private void ReplayHistory(IReadOnlyList<HistoryEvent> history)
    {
        isReplaying = true;
        for (var step = 0; step < history.Count; step++)
        {
            replayStep = step;
            if (completion is not null)
            {
                throw new NonDeterministicOrchestrationException(
                    $"Non-deterministic orchestration '{name}' (instance '{instanceId}'): at history step {step} the orchestrator has already finished, but history recorded {history[step].Describe()}.");
            }

            Apply(history[step], past: true, step);
        }

        replayStep = history.Count;
        CheckAllActionsRecorded(history.Count);
    }

    /// <summary>Deserialises a payload; a missing payload is the type's default (Microsoft's converter returns null).</summary>
    private T Read<T>(string? data) => data is null ? default! : converter.Deserialize<T>(data)!;

    private Task<TResult> WithRetries<TResult>(Func<Task<TResult>> attempt, TaskOptions? options) => options?.Retry switch
    {
        { Policy: { } policy } => WithRetryPolicyAsync(attempt, policy),
        { Handler: { } handler } => WithRetryHandlerAsync(attempt, handler),
        _ => attempt(),
    };

    private async Task<TResult> WithRetryPolicyAsync<TResult>(Func<Task<TResult>> attempt, RetryPolicy policy)
    {
        // The Durable Task Framework's rule: retry while attempts remain, Handle accepts the failure and the retry
        // timeout (counted from the first attempt) has not passed; the delay grows by the backoff coefficient.
        var firstAttempt = currentUtc;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException ex) when (number < policy.MaxNumberOfAttempts && policy.Handle(ex)
                && (policy.RetryTimeout == Timeout.InfiniteTimeSpan || currentUtc < firstAttempt + policy.RetryTimeout))
            {
                var ticks = policy.FirstRetryInterval.Ticks * Math.Pow(policy.BackoffCoefficient, number - 1);
                var delay = ticks >= policy.MaxRetryInterval.Ticks ? policy.MaxRetryInterval : TimeSpan.FromTicks((long)ticks);

                // The wait between attempts is a durable timer, so a retry survives a restart.
                await CreateTimer(currentUtc + delay, CancellationToken.None);
            }
        }
    }

    private async Task<TResult> WithRetryHandlerAsync<TResult>(Func<Task<TResult>> attempt, AsyncRetryHandler handler)
    {
        // TaskOptions.FromRetryHandler: the handler decides after each failure, and waits (with context.CreateTimer)
        // if it wants a delay.
        var firstAttempt = currentUtc;
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException ex)
            {
                var retry = new RetryContext(this, failures, ex.FailureDetails, currentUtc - firstAttempt, CancellationToken.None);
                if (!await handler(retry))
                {
                    throw;
                }
            }
        }
    }

    private Task<TResult> ScheduleTask<TResult>(ActionKind kind, string taskName, string? input, string? subInstanceId, string? subVersion, Dictionary<string, string>? tags)
    {
        var id = nextTaskId++;
        AddAction(new PendingAction(id, kind, taskName, input, subInstanceId) { Version = subVersion, Tags = tags });
        var tcs = new TaskCompletionSource<TResult>();
        openTasks[id] = e =>
        {
            switch (e.Type)
            {
                case HistoryEventType.TaskCompleted or HistoryEventType.SubOrchestrationInstanceCompleted:
                    try
                    {
                        tcs.TrySetResult(Read<TResult>(e.Result));
                    }
                    catch (Exception ex)
                    {
                        tcs.TrySetException(ex);
                    }

                    break;
                default:
                    tcs.TrySetException(new TaskFailedException(taskName, id, e.Failure ?? new TaskFailureDetails("Unknown", "The task failed.", null, null, null)));
                    break;
            }
        };
        return tcs.Task;
    }

    private void Deliver<T>(TaskCompletionSource<T> tcs, HistoryEvent e)
    {
        try
        {
            tcs.TrySetResult(Read<T>(e.Input));
        }
        catch (Exception ex)
        {
            tcs.TrySetException(ex);
        }
    }

    private void AddAction(PendingAction action)
    {
        if (completion is not null)
        {
            return;
        }

        actions.Add(action);
        actionsById[action.TaskId] = action;
    }

    private bool Accept(HistoryEvent e)
    {
        switch (e.Type)
        {
            case HistoryEventType.ExecutionStarted:
                return !started; // a duplicate start message is discarded
            case HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed or HistoryEventType.TimerFired
                or HistoryEventType.SubOrchestrationInstanceCompleted or HistoryEventType.SubOrchestrationInstanceFailed:
                // Results for another execution (before ContinueAsNew) or already delivered (duplicate) are discarded.
                return (e.ExecutionId is null || e.ExecutionId == executionId)
                    && e.TaskScheduledId is { } id && actionsById.TryGetValue(id, out var action) && !action.Completed;
            default:
                return true;
        }
    }

    private void Apply(HistoryEvent e, bool past, int step)
    {
        if (suspended && e.Type is not (HistoryEventType.ExecutionResumed or HistoryEventType.ExecutionTerminated or HistoryEventType.ExecutionSuspended
                or HistoryEventType.OrchestratorStarted or HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated
                or HistoryEventType.SubOrchestrationInstanceCreated or HistoryEventType.EventSent or HistoryEventType.ExecutionCompleted))
        {
            // A suspended instance records what arrives but delivers it only when resumed.
            deferred.Add(e);
            return;
        }

        switch (e.Type)
        {
            case HistoryEventType.ExecutionStarted:
                Start(e);
                break;
            case HistoryEventType.OrchestratorStarted:
                if (past)
                {
                    CheckAllActionsRecorded(step);
                }

                currentUtc = e.Timestamp.UtcDateTime;
                break;
            case HistoryEventType.TaskScheduled:
                Match(e, ActionKind.Activity, step);
                break;
            case HistoryEventType.TimerCreated:
                Match(e, ActionKind.Timer, step);
                break;
            case HistoryEventType.SubOrchestrationInstanceCreated:
                Match(e, ActionKind.SubOrchestration, step);
                break;
            case HistoryEventType.EventSent:
                Match(e, ActionKind.SendEvent, step);
                break;
            case HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed or HistoryEventType.TimerFired
                or HistoryEventType.SubOrchestrationInstanceCompleted or HistoryEventType.SubOrchestrationInstanceFailed:
                if (e.TaskScheduledId is { } id && actionsById.TryGetValue(id, out var action) && !action.Completed)
                {
                    action.Completed = true;
                    if (openTasks.Remove(id, out var complete))
                    {
                        complete(e);
                    }
                }

                break;
            case HistoryEventType.EventRaised:
                var waiter = waiters.Find(w => string.Equals(w.Name, e.Name, StringComparison.OrdinalIgnoreCase));
                if (waiter is null)
                {
                    bufferedEvents.Add(e);
                }
                else
                {
                    waiters.Remove(waiter);
                    waiter.Deliver(e);
                }

                break;
            case HistoryEventType.ExecutionSuspended:
                suspended = true;
                break;
            case HistoryEventType.ExecutionResumed:
                suspended = false;
                var pending = deferred;
                deferred = [];
                foreach (var d in pending)
                {
                    Apply(d, past, step);
                }

                break;
            case HistoryEventType.ExecutionTerminated:
                completion ??= new Completion(OrchestrationRuntimeStatus.Terminated, e.Input, null);
                break;
        }

        syncContext.Drain();
        CheckOrchestratorFinished();
    }

    private void Start(HistoryEvent e)
    {
        started = true;
        name = new TaskName(e.Name ?? "Unknown");
        executionId = e.ExecutionId ?? executionId;
        serializedInput = e.Input;
        version = e.Version ?? recordedVersion ?? string.Empty;
        parentTaskId = e.ParentTaskId;
        parentExecutionId = e.ParentExecutionId;
        parent = e.ParentInstanceId is null ? null : new ParentOrchestrationInstance(new TaskName(e.ParentName ?? "Unknown"), e.ParentInstanceId);
        try
        {
            if (!factory.TryCreateOrchestrator(name, services, out var created))
            {
                completion = new Completion(OrchestrationRuntimeStatus.Failed, null, new TaskFailureDetails(
                    "OrchestratorTaskNotFound", $"No orchestrator task named '{name.Name}' was found.", null, null, null));
                return;
            }

            orchestrator = created;
            var input = converter.Deserialize(serializedInput, orchestrator.InputType);
            orchestratorTask = orchestrator.RunAsync(this, input);
        }
        catch (Exception ex)
        {
            orchestratorTask = Task.FromException<object?>(ex);
        }
    }

    private void Match(HistoryEvent e, ActionKind kind, int step)
    {
        var id = e.TaskId ?? -1;
        if (!actionsById.TryGetValue(id, out var action))
        {
            var next = actions.Find(a => !a.Recorded);
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{name}' (instance '{instanceId}'): at history step {step} history recorded {e.Describe()}, " +
                $"but the orchestrator now {(next is null ? "schedules nothing" : $"asks for {next.Describe()}")} at that point.");
        }

        if (action.Kind != kind || !string.Equals(action.Name, e.Name ?? "Timer", StringComparison.OrdinalIgnoreCase))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{name}' (instance '{instanceId}'): at history step {step} history recorded {e.Describe()}, " +
                $"but the orchestrator now asks for {action.Describe()}.");
        }

        action.Recorded = true;
    }

    private void CheckAllActionsRecorded(int step)
    {
        if (actions.Find(a => !a.Recorded) is { } extra)
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{name}' (instance '{instanceId}'): the orchestrator asks for {extra.Describe()}, " +
                $"but history recorded no such action before step {step}.");
        }
    }

    private void CheckOrchestratorFinished()
    {
        if (completion is not null || orchestratorTask is not { IsCompleted: true } task)
        {
            return;
        }

        if (task.IsCompletedSuccessfully)
        {
            completion = continueAsNew is { } next
                ? new Completion(ContinuedAsNew, next.Input, null)
                : new Completion(OrchestrationRuntimeStatus.Completed, converter.Serialize(task.Result), null);
        }
        else
        {
            var ex = task.Exception?.InnerException ?? new TaskCanceledException("The orchestrator's task was canceled.");
            completion = new Completion(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex));
        }
    }

    private (OrchestrationEpisodeResult, List<HistoryEvent>?) BuildResult(
        InstanceRecord instance, IReadOnlyList<HistoryEvent> history, List<HistoryEvent> newHistory, List<StoredMessage> leftovers, List<StoredMessage> held,
        List<long> consumed, long? seenThrough, DateTimeOffset now)
    {
        var activities = new List<ActivityRequest>();
        var timers = new List<TimerRequest>();
        var subOrchestrations = new List<NewOrchestrationInstance>();
        var messages = new List<OutboundMessage>();
        var status = suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running;
        string? output = null;
        TaskFailureDetails? failure = null;
        var replaceHistory = false;

        if (completion is null)
        {
            foreach (var action in actions.Where(a => !a.Recorded))
            {
                switch (action.Kind)
                {
                    case ActionKind.Activity:
                        newHistory.Add(new HistoryEvent { Type = HistoryEventType.TaskScheduled, Timestamp = now, TaskId = action.TaskId, Name = action.Name, Input = action.Input });
                        activities.Add(new ActivityRequest(action.TaskId, action.Name, action.Input));
                        break;
                    case ActionKind.SendEvent:
                        newHistory.Add(new HistoryEvent { Type = HistoryEventType.EventSent, Timestamp = now, TaskId = action.TaskId, Name = action.Name, InstanceId = action.SubInstanceId, Input = action.Input });
                        messages.Add(new OutboundMessage(action.SubInstanceId!, new HistoryEvent { Type = HistoryEventType.EventRaised, Timestamp = now, Name = action.Name, Input = action.Input }));
                        break;
                    case ActionKind.Timer:
                        var fireAt = new DateTimeOffset(action.FireAt, TimeSpan.Zero);
                        newHistory.Add(new HistoryEvent { Type = HistoryEventType.TimerCreated, Timestamp = now, TaskId = action.TaskId, FireAt = fireAt });
                        timers.Add(new TimerRequest(instanceId, fireAt, new HistoryEvent
                        {
                            Type = HistoryEventType.TimerFired, Timestamp = fireAt, TaskScheduledId = action.TaskId, FireAt = fireAt, ExecutionId = executionId,
                        }));
                        break;
                    case ActionKind.SubOrchestration:
                        var childId = action.SubInstanceId!;
                        newHistory.Add(new HistoryEvent
                        {
                            Type = HistoryEventType.SubOrchestrationInstanceCreated, Timestamp = now, TaskId = action.TaskId, Name = action.Name, InstanceId = childId, Input = action.Input,
                        });
                        subOrchestrations.Add(new NewOrchestrationInstance(childId, action.Name, action.Version ?? string.Empty, action.Input, new HistoryEvent
                        {
                            Type = HistoryEventType.ExecutionStarted,
                            Timestamp = now,
                            Name = action.Name,
                            Version = string.IsNullOrEmpty(action.Version) ? null : action.Version,
                            InstanceId = childId,
                            ExecutionId = Guid.NewGuid().ToString("N"),
                            Input = action.Input,
                            ParentInstanceId = instanceId,
                            ParentName = name.Name,
                            ParentTaskId = action.TaskId,
                            ParentExecutionId = executionId,
                        }, null) { Tags = action.Tags });
                        break;
                }
            }
        }
        else
        {
            status = completion.Status;
            switch (completion.Status)
            {
                case ContinuedAsNew:
                    // Microsoft reports a continued instance as Running (ContinuedAsNew is obsolete there).
                    status = OrchestrationRuntimeStatus.Running;
                    replaceHistory = true;
                    newHistory.Clear();
                    var (newInput, preserve) = continueAsNew!.Value;
                    messages.Add(new OutboundMessage(instanceId, new HistoryEvent
                    {
                        Type = HistoryEventType.ExecutionStarted,
                        Timestamp = now,
                        Name = name.Name,
                        Version = newVersion ?? (string.IsNullOrEmpty(version) ? null : version),
                        InstanceId = instanceId,
                        ExecutionId = Guid.NewGuid().ToString("N"),
                        Input = newInput,
                        ParentInstanceId = parent?.InstanceId,
                        ParentName = parent?.Name.Name,
                        ParentTaskId = parentTaskId,
                        ParentExecutionId = parentExecutionId,
                    }));
                    // Events that never entered this execution's history stay where they are, in order, for the new one
                    // (its start message is taken first); only when some were buffered in the history must all of them be
                    // sent again, in the order they came, so that none overtakes another.
                    var notTaken = held.Concat(leftovers.Where(m => m.Event.Type == HistoryEventType.EventRaised)).ToList();
                    IEnumerable<HistoryEvent> carried = [];
                    if (preserve && bufferedEvents.Count == 0)
                    {
                        consumed.RemoveAll(id => notTaken.Exists(m => m.Id == id));
                    }
                    else if (preserve)
                    {
                        carried = bufferedEvents.Concat(notTaken.OrderBy(m => m.Id).Select(m => m.Event));
                    }

                    var control = leftovers.Select(m => m.Event).Where(e => e.Type is HistoryEventType.ExecutionTerminated or HistoryEventType.ExecutionSuspended or HistoryEventType.ExecutionResumed);
                    messages.AddRange(carried.Concat(control).Select(e => new OutboundMessage(instanceId, e)));
                    serializedInput = newInput;
                    break;
                default:
                    output = completion.Output;
                    failure = completion.Failure;
                    newHistory.Add(Completed(completion.Status, output, failure, now));
                    if (parent is not null)
                    {
                        messages.Add(new OutboundMessage(parent.InstanceId, NotifyParent(completion, now)));
                    }

                    break;
            }
        }

        if (completion is null)
        {
            consumed.RemoveAll(id => held.Exists(h => h.Id == id));
        }

        var result = new OrchestrationEpisodeResult
        {
            SeenThroughMessageId = seenThrough,
            InstanceId = instanceId,
            LoadedExecutionId = loadedExecutionId,
            ConsumedMessageIds = consumed,
            HistoryBase = replaceHistory ? 0 : history.Count,
            ReplaceHistory = replaceHistory,
            NewHistory = newHistory,
            Status = status,
            ExecutionId = executionId,
            Version = version,
            Input = serializedInput,
            Output = output,
            CustomStatus = customStatus,
            Failure = failure,
            Activities = activities,
            Timers = timers,
            SubOrchestrations = subOrchestrations,
            Messages = messages,
        };

        List<HistoryEvent>? historyAfter = null;
        if (status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)
        {
            historyAfter = new List<HistoryEvent>(history.Count + newHistory.Count);
            historyAfter.AddRange(history);
            historyAfter.AddRange(newHistory);
        }

        return (result, historyAfter);
    }

    private HistoryEvent NotifyParent(Completion done, DateTimeOffset now) => done.Status switch
    {
        OrchestrationRuntimeStatus.Completed => new HistoryEvent
        {
            Type = HistoryEventType.SubOrchestrationInstanceCompleted, Timestamp = now, TaskScheduledId = parentTaskId, ExecutionId = parentExecutionId, Result = done.Output,
        },
        _ => new HistoryEvent
        {
            Type = HistoryEventType.SubOrchestrationInstanceFailed,
            Timestamp = now,
            TaskScheduledId = parentTaskId,
            ExecutionId = parentExecutionId,
            Failure = done.Failure ?? new TaskFailureDetails("TicketFlow.Durable.OrchestrationTerminated", $"Sub-orchestration '{instanceId}' was terminated.", null, null, null),
        },
    };

    private sealed record Completion(OrchestrationRuntimeStatus Status, string? Output, TaskFailureDetails? Failure);

    private sealed record EventWaiter(string Name, Action<HistoryEvent> Deliver);

    private sealed record PendingAction(int TaskId, ActionKind Kind, string Name, string? Input, string? SubInstanceId)
    {
        public DateTime FireAt { get; init; }

        public string? Version { get; init; }

        public Dictionary<string, string>? Tags { get; init; }

        public bool Recorded { get; set; }

        public bool Completed { get; set; }

        public string Describe() => Kind switch
        {
            ActionKind.Activity => $"CallActivity '{Name}' (task #{TaskId})",
            ActionKind.Timer => $"CreateTimer (task #{TaskId})",
            ActionKind.SendEvent => $"SendEvent '{Name}' to '{SubInstanceId}' (task #{TaskId})",
            _ => $"CallSubOrchestrator '{Name}' (task #{TaskId})",
        };
    }
}
