namespace TicketFlow.Durable.Storage;

/// <summary>A scheduled activity invocation, leased to a worker.</summary>
/// <param name="Id">The store's work item id.</param>
/// <param name="InstanceId">The orchestration instance that scheduled it.</param>
/// <param name="ExecutionId">The orchestration execution that scheduled it.</param>
/// <param name="TaskId">The task id in that execution's history.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Input">Serialised input.</param>
public sealed record ActivityWorkItem(long Id, string InstanceId, string ExecutionId, int TaskId, string Name, string? Input);
