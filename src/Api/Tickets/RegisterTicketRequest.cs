namespace TicketFlow.Api.Tickets;

/// <summary>Registers a ticketholder and the ticket the EN holds (or is about to hold) for them.</summary>
/// <param name="TicketNumber">The ticket's number.</param>
/// <param name="Ticketholder">The ticketholder.</param>
/// <param name="StaffId">The staff member responsible, if any.</param>
public sealed record RegisterTicketRequest(string TicketNumber, TicketholderRequest Ticketholder, string? StaffId);
