using TicketFlow.Workflow.Contacts;

namespace TicketFlow.Functions.Api.Tickets;

/// <summary>A contact attempt or a two-way contact, as it goes into the case notes.</summary>
/// <param name="On">The date of the contact.</param>
/// <param name="Method">How the EN reached out.</param>
/// <param name="StaffId">Who made it.</param>
/// <param name="TwoWay">Whether the ticketholder responded.</param>
/// <param name="Notes">What was discussed and done.</param>
public sealed record ContactRequest(DateOnly On, ContactMethod Method, string StaffId, bool TwoWay, string Notes);
