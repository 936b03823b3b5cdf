namespace TicketFlow.Api.Tickets;

/// <summary>The ticketholder's request not to be contacted, as it goes into the case notes.</summary>
/// <param name="On">The date of the request.</param>
/// <param name="StaffId">Who took it.</param>
/// <param name="Notes">What the ticketholder said, and how it was received.</param>
public sealed record NoContactRequest(DateOnly On, string StaffId, string Notes);
