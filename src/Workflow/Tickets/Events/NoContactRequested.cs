namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>The ticketholder asked the EN not to contact them: the unassignment clock runs.</summary>
/// <param name="On">The date of the request.</param>
/// <param name="Actor">Who reported it.</param>
public sealed record NoContactRequested(DateOnly On, string Actor) : TicketEvent(On, Actor);
