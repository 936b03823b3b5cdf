using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Client;

/// <summary>The <see cref="DurableTaskClient"/> over an <see cref="IOrchestrationStore"/>.</summary>
public sealed class StoreDurableTaskClient : DurableTaskClient
{
    private static readonly TimeSpan PollFallback = TimeSpan.FromSeconds(1);

    private readonly IOrchestrationStore store;
    private readonly DataConverter converter;
    private readonly TimeProvider time;

    /// <summary>Creates the client.</summary>
    /// <param name="store">The store.</param>
    /// <param name="converter">The data converter.</param>
    /// <param name="timeProvider">The clock.</param>
    public StoreDurableTaskClient(IOrchestrationStore store, DataConverter converter, TimeProvider? timeProvider = null)
    {
        this.store = store;
        this.converter = converter;
        time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var serialized = converter.Serialize(input);
        var version = options?.Version ?? (string.IsNullOrEmpty(orchestratorName.Version) ? null : orchestratorName.Version);
        var start = new HistoryEvent
        {
            Type = HistoryEventType.ExecutionStarted,
            Timestamp = time.GetUtcNow(),
            Name = orchestratorName.Name,
            Version = version,
            InstanceId = instanceId,
            ExecutionId = Guid.NewGuid().ToString("N"),
            Input = serialized,
        };
        await store.CreateInstanceAsync(
            new NewOrchestrationInstance(instanceId, orchestratorName.Name, version ?? string.Empty, serialized, start, options?.StartAt),
            options?.IdReusePolicy ?? InstanceIdReusePolicy.Reject,
            cancellation).ConfigureAwait(false);
        return instanceId;
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        var record = await store.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false);
        return record is null ? null : ToMetadata(record);
    }

    /// <inheritdoc />
    public override async Task<Page<OrchestrationMetadata>> GetInstancesPageAsync(OrchestrationQuery query, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        var (items, token) = await store.QueryInstancesAsync(query, cancellation).ConfigureAwait(false);
        return new Page<OrchestrationMetadata>(items.Select(ToMetadata).ToList(), token);
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new HistoryEvent { Type = HistoryEventType.EventRaised, Timestamp = time.GetUtcNow(), Name = eventName, Input = converter.Serialize(eventPayload) }, cancellation);
    }

    /// <inheritdoc />
    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default)
        => SendAsync(instanceId, new HistoryEvent { Type = HistoryEventType.ExecutionTerminated, Timestamp = time.GetUtcNow(), Input = converter.Serialize(output) }, cancellation);

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => SendAsync(instanceId, new HistoryEvent { Type = HistoryEventType.ExecutionSuspended, Timestamp = time.GetUtcNow(), Input = reason }, cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => SendAsync(instanceId, new HistoryEvent { Type = HistoryEventType.ExecutionResumed, Timestamp = time.GetUtcNow(), Input = reason }, cancellation);

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        return new PurgeResult(await store.PurgeInstanceAsync(instanceId, cancellation).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        return new PurgeResult(await store.PurgeInstancesAsync(filter, cancellation).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => WaitForAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => WaitForAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        return await store.GetHistoryAsync(instanceId, cancellation).ConfigureAwait(false);
    }

    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellation)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        if (!await store.SendMessageAsync(instanceId, message, cancellation).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"No orchestration instance with id '{instanceId}' exists.");
        }
    }

    private async Task<OrchestrationMetadata> WaitForAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        using var signal = new SemaphoreSlim(0);
        using (store.SubscribeInstanceUpdates(id =>
        {
            if (id == instanceId)
            {
                signal.Release();
            }
        }))
        {
            while (true)
            {
                var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"No orchestration instance with id '{instanceId}' exists.");
                if (done(metadata))
                {
                    return metadata;
                }

                // In-process the store signals every change; the real-time fallback covers writers in other processes.
                await signal.WaitAsync(PollFallback, cancellation).ConfigureAwait(false);
            }
        }
    }

    private OrchestrationMetadata ToMetadata(InstanceRecord r) => new(r.Name, r.InstanceId, converter)
    {
        Version = r.Version,
        RuntimeStatus = r.Status,
        CreatedAt = r.CreatedAt,
        LastUpdatedAt = r.LastUpdatedAt,
        SerializedInput = r.Input,
        SerializedOutput = r.Output,
        SerializedCustomStatus = r.CustomStatus,
        FailureDetails = r.Failure,
        ParentInstanceId = r.ParentInstanceId,
    };
}
