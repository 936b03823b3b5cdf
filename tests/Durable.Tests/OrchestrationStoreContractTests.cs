using TicketFlow.Durable.Client;
using TicketFlow.Durable.Storage;
using TicketFlow.Durable.Testing;

namespace TicketFlow.Durable.Tests;

/// <summary>
/// Store-level guarantees the engine relies on: leases, takeover of expired leases, duplicate discarding, timers.
/// A backend runs them by subclassing; two stores over the same database stand for two worker processes.
/// </summary>
public abstract class OrchestrationStoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly List<IOrchestrationStore> stores = [];

    protected VirtualTimeProvider Time { get; } = new(Start);

    /// <summary>Creates a store over the fixture's shared database; every call stands for another process.</summary>
    protected abstract IOrchestrationStore CreateStore(TimeProvider time);

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task New_work_is_leased_to_the_attached_worker_and_announced_after_commit()
    {
        var (store, seen) = await WorkerStoreAsync();

        await CreateAsync(store, "i-1");

        Assert.Equal(["i-1"], seen.Instances);
        var item = await store.LoadWorkItemAsync("i-1", null, CancellationToken.None);
        Assert.NotNull(item);
        Assert.Equal(HistoryEventType.ExecutionStarted, Assert.Single(item.Messages).Event.Type);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_old_owner_cannot_commit()
    {
        var (crashed, _) = await WorkerStoreAsync();
        await CreateAsync(crashed, "i-1");
        var stale = (await crashed.LoadWorkItemAsync("i-1", null, CancellationToken.None))!;
        var (survivor, seen) = await WorkerStoreAsync();

        Assert.Equal(0, await survivor.ClaimAvailableWorkAsync(CancellationToken.None)); // lease still valid
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await survivor.ClaimAvailableWorkAsync(CancellationToken.None));

        Assert.Equal(["i-1"], seen.Instances);
        Assert.Null(await crashed.LoadWorkItemAsync("i-1", null, CancellationToken.None));
        Assert.False(await crashed.CommitEpisodeAsync(Episode(stale, OrchestrationRuntimeStatus.Running), CancellationToken.None));
        var fresh = (await survivor.LoadWorkItemAsync("i-1", null, CancellationToken.None))!;
        Assert.True(await survivor.CommitEpisodeAsync(Episode(fresh, OrchestrationRuntimeStatus.Running), CancellationToken.None));
    }

    [Fact]
    public async Task A_duplicate_activity_result_is_discarded()
    {
        var (store, seen) = await WorkerStoreAsync();
        await CreateAsync(store, "i-1");
        var item = (await store.LoadWorkItemAsync("i-1", null, CancellationToken.None))!;
        Assert.True(await store.CommitEpisodeAsync(Episode(item, OrchestrationRuntimeStatus.Running) with { Activities = [new ActivityRequest(0, "Send", "\"x\"")] }, CancellationToken.None));
        var activity = Assert.Single(seen.Activities);
        var result = new HistoryEvent { Type = HistoryEventType.TaskCompleted, TaskScheduledId = 0, ExecutionId = activity.ExecutionId, Result = "1" };

        Assert.True(await store.CompleteActivityAsync(activity, result, CancellationToken.None));
        Assert.False(await store.CompleteActivityAsync(activity, result, CancellationToken.None));

        var next = (await store.LoadWorkItemAsync("i-1", null, CancellationToken.None))!;
        Assert.Single(next.Messages);
    }

    [Fact]
    public async Task An_expired_activity_lease_is_taken_over()
    {
        var (crashed, _) = await WorkerStoreAsync();
        await CreateAsync(crashed, "i-1");
        var item = (await crashed.LoadWorkItemAsync("i-1", null, CancellationToken.None))!;
        await crashed.CommitEpisodeAsync(Episode(item, OrchestrationRuntimeStatus.Running) with { Activities = [new ActivityRequest(0, "Send", null)] }, CancellationToken.None);
        var (survivor, seen) = await WorkerStoreAsync();

        Time.Advance(TimeSpan.FromMinutes(5));
        await survivor.ClaimAvailableWorkAsync(CancellationToken.None);

        Assert.Equal("Send", Assert.Single(seen.Activities).Name);
    }

    [Fact]
    public async Task An_abandoned_activity_is_claimed_again_by_the_next_scan()
    {
        var (store, seen) = await WorkerStoreAsync();
        await CreateAsync(store, "i-1");
        var item = (await store.LoadWorkItemAsync("i-1", null, CancellationToken.None))!;
        await store.CommitEpisodeAsync(Episode(item, OrchestrationRuntimeStatus.Running) with { Activities = [new ActivityRequest(0, "Send", null)] }, CancellationToken.None);
        var activity = Assert.Single(seen.Activities);

        Assert.Equal(0, await store.ClaimAvailableWorkAsync(CancellationToken.None));
        await store.AbandonActivityAsync(activity, CancellationToken.None);
        Assert.Equal(1, await store.ClaimAvailableWorkAsync(CancellationToken.None));

        Assert.Equal(2, seen.Activities.Count(a => a.Id == activity.Id));
    }

    [Fact]
    public async Task A_timer_fires_once_at_its_due_time_and_is_found_through_the_index()
    {
        var (store, seen) = await WorkerStoreAsync();
        await CreateAsync(store, "i-1");
        var item = (await store.LoadWorkItemAsync("i-1", null, CancellationToken.None))!;
        var due = Start.AddDays(30);
        var timer = new TimerRequest("i-1", due, new HistoryEvent { Type = HistoryEventType.TimerFired, TaskScheduledId = 0, FireAt = due });
        await store.CommitEpisodeAsync(Episode(item, OrchestrationRuntimeStatus.Running) with { Timers = [timer] }, CancellationToken.None);
        seen.Instances.Clear();

        Assert.Equal(due, await store.GetNextTimerDueAsync(CancellationToken.None));
        Assert.Equal(0, await store.FireDueTimersAsync(due.AddMilliseconds(-1), CancellationToken.None));
        Assert.Equal(1, await store.FireDueTimersAsync(due, CancellationToken.None));
        Assert.Equal(0, await store.FireDueTimersAsync(due.AddDays(1), CancellationToken.None));

        Assert.Equal(["i-1"], seen.Instances);
        Assert.Null(await store.GetNextTimerDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_history_position_cannot_be_written_twice()
    {
        var (store, _) = await WorkerStoreAsync();
        await CreateAsync(store, "i-1");
        var item = (await store.LoadWorkItemAsync("i-1", null, CancellationToken.None))!;
        var episode = Episode(item, OrchestrationRuntimeStatus.Running);
        await store.CommitEpisodeAsync(episode, CancellationToken.None);
        await store.SendMessageAsync("i-1", new HistoryEvent { Type = HistoryEventType.EventRaised, Name = "x" }, CancellationToken.None);

        // Same base position again (a confused writer): rejected, nothing half-written.
        await Assert.ThrowsAnyAsync<Exception>(() => store.CommitEpisodeAsync(episode with { ConsumedMessageIds = [] }, CancellationToken.None));
        Assert.Equal(episode.NewHistory.Count, (await store.GetHistoryAsync("i-1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_message_whose_row_id_was_used_before_is_read_as_itself_not_as_the_earlier_one()
    {
        // Episodes read held events again and the store parses each text once; SQLite gives a deleted last row's id to
        // the next row, so what was parsed under an id must not be what that id reads later.
        var (store, _) = await WorkerStoreAsync();
        await CreateAsync(store, "i-0"); // keeps the lowest id, so the id after it is the one given twice
        await CreateAsync(store, "i-1");
        var started = (await store.LoadWorkItemAsync("i-1", null, CancellationToken.None))!;
        await store.CommitEpisodeAsync(Episode(started, OrchestrationRuntimeStatus.Running), CancellationToken.None);

        await store.SendMessageAsync("i-1", new HistoryEvent { Type = HistoryEventType.EventRaised, Name = "x", Input = "\"first\"" }, CancellationToken.None);
        var first = Assert.Single((await store.LoadWorkItemAsync("i-1", null, CancellationToken.None))!.Messages);
        var unchanged = Episode(started, OrchestrationRuntimeStatus.Running) with
        {
            ConsumedMessageIds = [], NewHistory = [], InstanceUnchanged = true, SeenThroughMessageId = first.Id, DropHeldAfter = first.Id - 1,
        };
        Assert.True(await store.CommitEpisodeAsync(unchanged, CancellationToken.None)); // held, then dropped

        await store.SendMessageAsync("i-1", new HistoryEvent { Type = HistoryEventType.EventRaised, Name = "x", Input = "\"second\"" }, CancellationToken.None);
        var second = Assert.Single((await store.LoadWorkItemAsync("i-1", null, CancellationToken.None))!.Messages);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("\"second\"", second.Event.Input);
    }

    private static OrchestrationEpisodeResult Episode(OrchestrationWorkItem item, OrchestrationRuntimeStatus status) => new()
    {
        InstanceId = item.Instance.InstanceId,
        LoadedExecutionId = item.Instance.ExecutionId,
        ConsumedMessageIds = item.Messages.Select(m => m.Id).ToList(),
        HistoryBase = item.Instance.HistoryCount,
        NewHistory = [new HistoryEvent { Type = HistoryEventType.OrchestratorStarted }, .. item.Messages.Select(m => m.Event)],
        Status = status,
        ExecutionId = item.Instance.ExecutionId ?? "e",
    };

    private static Task CreateAsync(IOrchestrationStore store, string id)
    {
        var start = new HistoryEvent { Type = HistoryEventType.ExecutionStarted, Name = "Test", InstanceId = id, ExecutionId = "exec-" + id };
        return store.CreateInstanceAsync(new NewOrchestrationInstance(id, "Test", string.Empty, null, start, null), null, CancellationToken.None);
    }

    private async Task<(IOrchestrationStore Store, RecordingNotifier Seen)> WorkerStoreAsync()
    {
        var store = CreateStore(Time);
        stores.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        var seen = new RecordingNotifier();
        store.AttachWorker(seen);
        return (store, seen);
    }

    protected sealed class RecordingNotifier : IWorkNotifier
    {
        public List<string> Instances { get; } = [];

        public List<ActivityWorkItem> Activities { get; } = [];

        public void OnInstanceReady(string instanceId)
        {
            lock (Instances)
            {
                Instances.Add(instanceId);
            }
        }

        public void OnActivityReady(ActivityWorkItem workItem)
        {
            lock (Activities)
            {
                Activities.Add(workItem);
            }
        }

        public void OnTimerCreated(DateTimeOffset dueAt)
        {
        }
    }
}
