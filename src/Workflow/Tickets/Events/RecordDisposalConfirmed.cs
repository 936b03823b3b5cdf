namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>The EN confirmed that the ticketholder's records, now past retention, may be destroyed.</summary>
/// <param name="On">The date of the confirmation.</param>
/// <param name="Actor">Who confirmed it.</param>
public sealed record RecordDisposalConfirmed(DateOnly On, string Actor) : TicketEvent(On, Actor);
