namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>
/// Staff asked TicketFlow to send the ticketholder a personalised check-in email. Sending it is a contact attempt
/// (method: email) and is recorded as one.
/// </summary>
/// <param name="On">The date of the request.</param>
/// <param name="Actor">Who asked.</param>
/// <param name="StaffId">The staff member the ticketholder should reply to.</param>
public sealed record CheckInEmailRequested(DateOnly On, string Actor, string StaffId) : TicketEvent(On, Actor);
