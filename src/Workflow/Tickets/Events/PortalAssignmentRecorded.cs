namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>An EN with Ticket Portal rights assigned the ticket itself.</summary>
/// <param name="On">The date of the assignment in the Ticket Portal.</param>
/// <param name="Actor">Who reported it.</param>
public sealed record PortalAssignmentRecorded(DateOnly On, string Actor) : TicketEvent(On, Actor);
