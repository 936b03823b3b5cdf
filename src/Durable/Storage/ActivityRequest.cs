namespace TicketFlow.Durable.Storage;

/// <summary>An activity an episode schedules.</summary>
/// <param name="TaskId">The task id in the history.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Input">Serialised input.</param>
public sealed record ActivityRequest(int TaskId, string Name, string? Input);
