using TicketFlow.Workflow.Contacts;

namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>The ticketholder asked the EN not to contact them: the unassignment clock runs.</summary>
/// <param name="On">The date of the request.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="Note">The case note that holds the request, when the event brings it (the workflow writes it).</param>
public sealed record NoContactRequested(DateOnly On, string Actor, CaseNote? Note = null) : TicketEvent(On, Actor);
