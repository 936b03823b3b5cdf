namespace TicketFlow.Durable.Worker;

/// <summary>Where a replay of recorded history parts from the current orchestrator code.</summary>
/// <param name="Step">The history position (0-based) at which the code and the history disagree.</param>
/// <param name="Difference">What history recorded and what the code asks for now.</param>
public sealed record ReplayDivergence(int Step, string Difference);
