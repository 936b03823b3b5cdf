namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>
/// The record-retention period after unassignment ended (raised by the ticket's own timer, not by a caller):
/// the EN may now destroy the ticketholder's records.
/// </summary>
/// <param name="On">The date the period ended.</param>
/// <param name="Actor">Always the system.</param>
public sealed record RetentionPeriodEnded(DateOnly On, string Actor) : TicketEvent(On, Actor);
