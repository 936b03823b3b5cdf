namespace TicketFlow.Durable.Storage;

/// <summary>A request to create an instance: its row and its ExecutionStarted message.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="Name">The orchestrator name.</param>
/// <param name="Version">The orchestrator version.</param>
/// <param name="Input">Serialised input.</param>
/// <param name="StartEvent">The ExecutionStarted message.</param>
/// <param name="StartAt">When set and in the future, the start message is delivered by a durable timer.</param>
public sealed record NewOrchestrationInstance(string InstanceId, string Name, string Version, string? Input, HistoryEvent StartEvent, DateTimeOffset? StartAt)
{
    /// <summary>The instance's tags (<c>StartOrchestrationOptions.Tags</c>, or a sub-orchestration's <c>TaskOptions.Tags</c>).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
