namespace TicketFlow.Durable;

/// <summary>The orchestration that started the current one as a sub-orchestration.</summary>
/// <param name="Name">The parent orchestrator's name.</param>
/// <param name="InstanceId">The parent instance id.</param>
public sealed record ParentOrchestrationInstance(TaskName Name, string InstanceId);
