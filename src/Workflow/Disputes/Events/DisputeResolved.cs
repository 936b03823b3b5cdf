namespace TicketFlow.Workflow.Disputes.Events;

/// <summary>The parties resolved the dispute (or both accepted the recommendation).</summary>
/// <param name="On">The date it was resolved.</param>
/// <param name="Actor">Who reported it.</param>
public sealed record DisputeResolved(DateOnly On, string Actor) : DisputeEvent(On, Actor);
