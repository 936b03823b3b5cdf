namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>The ticketholder met the Phase 1 milestones: the ticket moves to the Ongoing Support phase.</summary>
/// <param name="On">The date the new phase began.</param>
/// <param name="Actor">Who reported it.</param>
public sealed record PhaseChanged(DateOnly On, string Actor) : TicketEvent(On, Actor);
