using TicketFlow.Workflow.Disputes.Events;

namespace TicketFlow.Workflow.Disputes;

/// <summary>The one table of allowed dispute state changes (20 CFR 411.435(c)(2)), checked before any change.</summary>
public static class DisputeTransitions
{
    /// <summary>The rows: event, the status it is allowed in, the status it leads to.</summary>
    public static IReadOnlyList<(Type Event, DisputeStatus From, DisputeStatus To)> Rows { get; } =
    [
        (typeof(RecommendationReceived), DisputeStatus.AwaitingRecommendation, DisputeStatus.RecommendationReceived),
        (typeof(DisputeResolved), DisputeStatus.AwaitingRecommendation, DisputeStatus.Resolved),
        (typeof(DecisionRequested), DisputeStatus.RecommendationReceived, DisputeStatus.DecisionRequested),
        (typeof(DisputeResolved), DisputeStatus.RecommendationReceived, DisputeStatus.Resolved),
    ];

    /// <summary>Checks an event against the table.</summary>
    /// <param name="status">The dispute's status.</param>
    /// <param name="disputeEvent">The event.</param>
    /// <param name="next">The next status, when allowed.</param>
    /// <returns>Null when allowed; otherwise why not.</returns>
    public static string? Check(DisputeStatus status, DisputeEvent disputeEvent, out DisputeStatus next)
    {
        ArgumentNullException.ThrowIfNull(disputeEvent);
        foreach (var row in Rows)
        {
            if (row.Event == disputeEvent.GetType() && row.From == status)
            {
                next = row.To;
                return null;
            }
        }

        next = status;
        var allowedIn = Rows.Where(r => r.Event == disputeEvent.GetType()).Select(r => r.From.ToString()).ToList();
        return $"{disputeEvent.GetType().Name} is not allowed while the dispute is {status}; it is allowed while it is {string.Join(" or ", allowedIn)}";
    }
}
