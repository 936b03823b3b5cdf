namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>The EN sent the signed IWP to the Ticket Program Manager.</summary>
/// <param name="On">The date it was sent.</param>
/// <param name="Actor">Who reported it.</param>
public sealed record IwpSubmitted(DateOnly On, string Actor) : TicketEvent(On, Actor);
