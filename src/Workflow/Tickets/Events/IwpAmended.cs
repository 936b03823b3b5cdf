namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>An amendment to the IWP, signed and dated by both parties, was attached to the original.</summary>
/// <param name="On">The later of the two signature dates on the amendment.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="AmendmentId">The amendment's record.</param>
public sealed record IwpAmended(DateOnly On, string Actor, string AmendmentId) : TicketEvent(On, Actor);
