namespace TicketFlow.Durable.Worker;

/// <summary>The outcome of a replay check over every running instance.</summary>
/// <param name="Checked">How many running instances were replayed.</param>
/// <param name="Breaks">The instances the current code would break, in instance order.</param>
public sealed record ReplayCheckResult(int Checked, IReadOnlyList<ReplayBreak> Breaks);
