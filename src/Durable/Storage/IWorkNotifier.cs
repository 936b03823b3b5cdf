namespace TicketFlow.Durable.Storage;

/// <summary>
/// Receives work the store has leased to this process, right after the transaction that created it commits
/// (no polling delay), and from the store's scans for unleased or expired work.
/// </summary>
public interface IWorkNotifier
{
    /// <summary>An instance has pending messages and is leased to this worker.</summary>
    /// <param name="instanceId">The instance.</param>
    void OnInstanceReady(string instanceId);

    /// <summary>An activity is leased to this worker.</summary>
    /// <param name="workItem">The activity.</param>
    void OnActivityReady(ActivityWorkItem workItem);

    /// <summary>A timer was committed; the timer loop may need to wake earlier.</summary>
    /// <param name="dueAt">Its due time.</param>
    void OnTimerCreated(DateTimeOffset dueAt);
}
