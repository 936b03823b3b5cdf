namespace TicketFlow.Workflow.Disputes;

/// <summary>Where a dispute stands (20 CFR 411.435(c)).</summary>
public enum DisputeStatus
{
    /// <summary>The PM received the written request and owes a recommendation.</summary>
    AwaitingRecommendation,

    /// <summary>The PM recommended a resolution; either party may ask SSA for a decision within the window.</summary>
    RecommendationReceived,

    /// <summary>Closed: the parties resolved the dispute (or accepted the recommendation).</summary>
    Resolved,

    /// <summary>Closed: a party asked SSA for a decision in time.</summary>
    DecisionRequested,

    /// <summary>Closed: the window to ask SSA for a decision passed without a request.</summary>
    WindowExpired,
}
