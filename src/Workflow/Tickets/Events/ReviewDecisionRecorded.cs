namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>Program Integrity decided on the IWP.</summary>
/// <param name="On">The date of the decision.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="Compliant">True: the ticket is assigned. False: an amended IWP is needed.</param>
public sealed record ReviewDecisionRecorded(DateOnly On, string Actor, bool Compliant) : TicketEvent(On, Actor);
