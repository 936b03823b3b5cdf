namespace TicketFlow.Durable.Internal;

internal sealed record OrchestratorRegistration(TaskName Name, Func<IServiceProvider, ITaskOrchestrator> Factory);
