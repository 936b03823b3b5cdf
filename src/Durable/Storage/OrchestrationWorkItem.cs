namespace TicketFlow.Durable.Storage;

/// <summary>What an episode needs: the instance row, its history and its pending messages.</summary>
/// <param name="Instance">The instance row.</param>
/// <param name="History">The history, or <c>null</c> when the caller's cached copy (same length) is current.</param>
/// <param name="Messages">The pending messages, oldest first.</param>
public sealed record OrchestrationWorkItem(InstanceRecord Instance, IReadOnlyList<HistoryEvent>? History, IReadOnlyList<StoredMessage> Messages)
{
    /// <summary>
    /// Set when held messages (events no one waited for) beyond those loaded were left unread: the id of the last held
    /// one loaded. An episode that ends waiting for events asks for the rest (<see cref="OrchestrationEpisodeResult.UnholdAfter"/>).
    /// </summary>
    public long? HeldUnreadAfter { get; init; }
}
