using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.CrashWorker;

/// <summary>Delegates to the real store and SIGKILLs the process at the k-th episode commit, before or after it is written.</summary>
internal sealed class KillingStore(IOrchestrationStore inner, string mode, int k) : IOrchestrationStore
{
    private int commits;

    public string LeaseOwner => inner.LeaseOwner;

    public async Task<bool> CommitEpisodeAsync(OrchestrationEpisodeResult episode, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref commits);
        if (mode == "before-commit" && n == k)
        {
            Die();
        }

        var result = await inner.CommitEpisodeAsync(episode, cancellationToken);
        if (mode == "after-commit" && n == k)
        {
            Die();
        }

        return result;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public void AttachWorker(IWorkNotifier? notifier) => inner.AttachWorker(notifier);

    public IDisposable SubscribeInstanceUpdates(Action<string> listener) => inner.SubscribeInstanceUpdates(listener);

    public Task CreateInstanceAsync(NewOrchestrationInstance instance, IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupeStatuses, CancellationToken cancellationToken) => inner.CreateInstanceAsync(instance, dedupeStatuses, cancellationToken);

    public Task<IReadOnlyList<string>> GetSubOrchestrationIdsAsync(string instanceId, CancellationToken cancellationToken) => inner.GetSubOrchestrationIdsAsync(instanceId, cancellationToken);

    public Task<bool> SendMessageAsync(string instanceId, HistoryEvent message, CancellationToken cancellationToken) => inner.SendMessageAsync(instanceId, message, cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellationToken) => inner.GetInstanceAsync(instanceId, includePayloads, cancellationToken);

    public Task<(IReadOnlyList<InstanceRecord> Items, string? ContinuationToken)> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken) => inner.QueryInstancesAsync(query, cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) => inner.GetHistoryAsync(instanceId, cancellationToken);

    public Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken) => inner.PurgeInstancesAsync(filter, cancellationToken);

    public Task<OrchestrationWorkItem?> LoadWorkItemAsync(string instanceId, int? cachedHistoryCount, CancellationToken cancellationToken) => inner.LoadWorkItemAsync(instanceId, cachedHistoryCount, cancellationToken);

    public Task AbandonInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.AbandonInstanceAsync(instanceId, cancellationToken);

    public Task AbandonActivityAsync(ActivityWorkItem workItem, CancellationToken cancellationToken) => inner.AbandonActivityAsync(workItem, cancellationToken);

    public Task<bool> CompleteActivityAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken) => inner.CompleteActivityAsync(workItem, result, cancellationToken);

    public Task<int> FireDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.FireDueTimersAsync(now, cancellationToken);

    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken) => inner.GetNextTimerDueAsync(cancellationToken);

    public Task<int> ClaimAvailableWorkAsync(CancellationToken cancellationToken) => inner.ClaimAvailableWorkAsync(cancellationToken);

    public Task RenewLeasesAsync(CancellationToken cancellationToken) => inner.RenewLeasesAsync(cancellationToken);

    public Task ReleaseLeasesAsync(CancellationToken cancellationToken) => inner.ReleaseLeasesAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private static void Die()
    {
        Console.WriteLine("SELF-KILL");
        Console.Out.Flush();
        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
}
