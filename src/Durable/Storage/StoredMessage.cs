namespace TicketFlow.Durable.Storage;

/// <summary>A message in an instance's inbox.</summary>
/// <param name="Id">The store's message id; consumed (deleted) by the episode that processes it.</param>
/// <param name="Event">The event.</param>
public sealed record StoredMessage(long Id, HistoryEvent Event);
