namespace TicketFlow.Workflow.Disputes.Events;

/// <summary>The parties received the PM's recommended resolution (20 CFR 411.435(c)(2)).</summary>
/// <param name="On">The date it was received: the decision-request window counts from it.</param>
/// <param name="Actor">Who reported it.</param>
public sealed record RecommendationReceived(DateOnly On, string Actor) : DisputeEvent(On, Actor);
