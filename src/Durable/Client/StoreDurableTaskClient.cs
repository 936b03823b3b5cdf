using DurableTask.Core.Exceptions;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Client;

/// <summary>
/// The embedded engine as a backend of Microsoft's client builder (a <see cref="DurableTaskClient"/> over an
/// <see cref="IOrchestrationStore"/>, chosen with <c>UseSqlite</c>). Durable Entities and rewind are not supported
/// (see src/Durable/README.md).
/// </summary>
public sealed class StoreDurableTaskClient : DurableTaskClient
{
    private static readonly TimeSpan PollFallback = TimeSpan.FromSeconds(1);

    private readonly IOrchestrationStore store;
    private readonly DataConverter converter;
    private readonly TimeProvider time;
    private readonly string? defaultVersion;

    /// <summary>Creates the client; Microsoft's client builder does, with the builder's name.</summary>
    /// <param name="name">The builder's name.</param>
    /// <param name="store">The store.</param>
    /// <param name="options">The client options (data converter, default version), by builder name.</param>
    /// <param name="timeProvider">The clock.</param>
    [ActivatorUtilitiesConstructor]
    public StoreDurableTaskClient(string name, IOrchestrationStore store, IOptionsMonitor<DurableTaskClientOptions> options, TimeProvider? timeProvider = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Get(name);
        this.store = store;
        converter = value.DataConverter ?? JsonDataConverter.Default;
        defaultVersion = string.IsNullOrEmpty(value.DefaultVersion) ? null : value.DefaultVersion;
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates a client without dependency injection (tools, crash tests).</summary>
    /// <param name="store">The store.</param>
    /// <param name="converter">The data converter; Microsoft's JSON converter when null.</param>
    /// <param name="timeProvider">The clock.</param>
    public StoreDurableTaskClient(IOrchestrationStore store, DataConverter? converter = null, TimeProvider? timeProvider = null)
        : base(Options.DefaultName)
    {
        this.store = store;
        this.converter = converter ?? JsonDataConverter.Default;
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The data converter inputs, outputs and events are serialised with.</summary>
    public DataConverter DataConverter => converter;

    /// <summary>Durable Entities are not part of this engine.</summary>
    public override Microsoft.DurableTask.Client.Entities.DurableEntityClient Entities => throw new NotSupportedException(
        "Durable Entities are not supported by TicketFlow.Durable (client.Entities); run entities on Durable Functions or the Durable Task Scheduler.");

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var serialized = converter.Serialize(input);
        var version = options?.Version?.Version is { Length: > 0 } v ? v : defaultVersion;
        var dedupe = options?.DedupeStatuses?.Select(s => Enum.Parse<OrchestrationRuntimeStatus>(s, ignoreCase: true)).ToList();
        await CreateAsync(instanceId, orchestratorName.Name, version, serialized, options?.StartAt, options?.Tags, dedupe, cancellation).ConfigureAwait(false);
        return instanceId;
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        var record = await store.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false);
        return record is null ? null : ToMetadata(record);
    }

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
        => Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            await store.InitializeAsync(cancellation).ConfigureAwait(false);
            var query = (filter ?? new OrchestrationQuery()) with
            {
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
            };
            var (items, token) = await store.QueryInstancesAsync(query, cancellation).ConfigureAwait(false);
            return new Page<OrchestrationMetadata>([.. items.Select(ToMetadata)], token);
        });

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new HistoryEvent { Type = HistoryEventType.EventRaised, Timestamp = time.GetUtcNow(), Name = eventName, Input = converter.Serialize(eventPayload) }, cancellation);
    }

    /// <inheritdoc />
    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        await SendAsync(instanceId, new HistoryEvent { Type = HistoryEventType.ExecutionTerminated, Timestamp = time.GetUtcNow(), Input = converter.Serialize(options?.Output) }, cancellation).ConfigureAwait(false);
        if (options?.Recursive == true)
        {
            foreach (var child in await store.GetSubOrchestrationIdsAsync(instanceId, cancellation).ConfigureAwait(false))
            {
                var state = await store.GetInstanceAsync(child, includePayloads: false, cancellation).ConfigureAwait(false);
                if (state is not null && !IsTerminal(state.Status))
                {
                    await TerminateInstanceAsync(child, new TerminateInstanceOptions { Recursive = true }, cancellation).ConfigureAwait(false);
                }
            }
        }
    }

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => SendAsync(instanceId, new HistoryEvent { Type = HistoryEventType.ExecutionSuspended, Timestamp = time.GetUtcNow(), Input = reason }, cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => SendAsync(instanceId, new HistoryEvent { Type = HistoryEventType.ExecutionResumed, Timestamp = time.GetUtcNow(), Input = reason }, cancellation);

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        var purged = 0;
        if (options?.Recursive == true)
        {
            foreach (var child in await store.GetSubOrchestrationIdsAsync(instanceId, cancellation).ConfigureAwait(false))
            {
                purged += (await PurgeInstanceAsync(child, options, cancellation).ConfigureAwait(false)).PurgedInstanceCount;
            }
        }

        return new PurgeResult(purged + await store.PurgeInstanceAsync(instanceId, cancellation).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        return new PurgeResult(await store.PurgeInstancesAsync(filter, cancellation).ConfigureAwait(false), isComplete: true);
    }

    /// <summary>
    /// Starts the instance again from its original input, as Microsoft's clients do: under the same id (only once it has
    /// finished) or under a new one.
    /// </summary>
    /// <param name="instanceId">The instance to restart.</param>
    /// <param name="restartWithNewInstanceId">Whether the restart gets a new instance id.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The id of the restarted instance.</returns>
    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        var original = await store.GetInstanceAsync(instanceId, includePayloads: true, cancellation).ConfigureAwait(false)
            ?? throw new ArgumentException($"An orchestration with the instanceId {instanceId} was not found.", nameof(instanceId));
        if (!restartWithNewInstanceId && !IsTerminal(original.Status))
        {
            throw new InvalidOperationException($"An orchestration with the instanceId {instanceId} cannot be restarted under the same id: it is {original.Status}.");
        }

        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        await CreateAsync(newId, original.Name, string.IsNullOrEmpty(original.Version) ? null : original.Version, original.Input, null, original.Tags, null, cancellation).ConfigureAwait(false);
        return newId;
    }

    /// <summary>Rewind is not supported by this engine.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="reason">The reason.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>Never returns.</returns>
    public override Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default)
        => throw new NotSupportedException("Rewind (RewindInstanceAsync) is not supported by TicketFlow.Durable: restart the instance (RestartAsync) instead.");

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => WaitForAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => WaitForAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    /// <summary>The current execution's history as this engine records it (Microsoft's history types are not used).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <returns>The events in order.</returns>
    public async Task<IReadOnlyList<HistoryEvent>> GetStoredHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        await store.InitializeAsync(cancellation).ConfigureAwait(false);
        return await store.GetHistoryAsync(instanceId, cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static bool IsTerminal(OrchestrationRuntimeStatus status)
        => status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    private async Task CreateAsync(
        string instanceId, string name, string? version, string? serializedInput, DateTimeOffset? startAt,
        IReadOnlyDictionary<string, string>? tags, IReadOnlyCollection<OrchestrationRuntimeStatus>? dedupe, CancellationToken cancellation)
    {
        var start = new HistoryEvent
        {
            Type = HistoryEventType.ExecutionStarted,
            Timestamp = time.GetUtcNow(),
            Name = name,
            Version = version,
            InstanceId = instanceId,
            ExecutionId = Guid.NewGuid().ToString("N"),
            Input = serializedInput,
        };
        await store.CreateInstanceAsync(
            new NewOrchestrationInstance(instanceId, name, version ?? string.Empty, serializedInput, start, startAt) { Tags = tags },
            dedupe,
            cancellation).ConfigureAwait(false);
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

    // Microsoft's metadata reads payloads through its DataConverter: without it, ReadOutputAs throws.
    private OrchestrationMetadata ToMetadata(InstanceRecord r) => new(r.Name, r.InstanceId)
    {
        DataConverter = converter,
        RuntimeStatus = r.Status,
        CreatedAt = r.CreatedAt,
        LastUpdatedAt = r.LastUpdatedAt,
        SerializedInput = r.Input,
        SerializedOutput = r.Output,
        SerializedCustomStatus = r.CustomStatus,
        FailureDetails = r.Failure,
        Tags = r.Tags ?? new Dictionary<string, string>(),
    };
}
