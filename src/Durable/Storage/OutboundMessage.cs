namespace TicketFlow.Durable.Storage;

/// <summary>A message an episode sends to an instance (itself after ContinueAsNew, its parent, a sub-orchestration).</summary>
/// <param name="InstanceId">The target instance.</param>
/// <param name="Event">The event.</param>
public sealed record OutboundMessage(string InstanceId, HistoryEvent Event);
