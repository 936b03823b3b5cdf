namespace TicketFlow.Durable.Storage;

/// <summary>A durable timer: at <paramref name="DueAt"/> the event is delivered to the instance's inbox.</summary>
/// <param name="InstanceId">The target instance.</param>
/// <param name="DueAt">When the timer is due.</param>
/// <param name="Event">The event to deliver (TimerFired, or ExecutionStarted for a delayed start).</param>
public sealed record TimerRequest(string InstanceId, DateTimeOffset DueAt, HistoryEvent Event);
