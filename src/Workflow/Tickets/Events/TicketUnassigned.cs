namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>The ticket was unassigned from the EN: the record-retention clock starts.</summary>
/// <param name="On">The date of unassignment.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="Reason">Who asked for it, or why.</param>
public sealed record TicketUnassigned(DateOnly On, string Actor, UnassignmentReason Reason) : TicketEvent(On, Actor);
