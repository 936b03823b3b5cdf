namespace TicketFlow.Durable.Worker;

/// <summary>An instance that the current orchestrator code would break on its next replay.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Name">Its orchestrator.</param>
/// <param name="Step">The history position (0-based) at which the replay parts from history.</param>
/// <param name="Difference">What history recorded and what the code asks for now.</param>
public sealed record ReplayBreak(string InstanceId, string Name, int Step, string Difference);
