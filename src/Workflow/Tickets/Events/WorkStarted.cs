namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>The ticketholder started work: the SGA earnings checkpoint is counted from this date.</summary>
/// <param name="On">The first day of work.</param>
/// <param name="Actor">Who reported it.</param>
public sealed record WorkStarted(DateOnly On, string Actor) : TicketEvent(On, Actor);
