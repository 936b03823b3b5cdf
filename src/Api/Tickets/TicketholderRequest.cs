namespace TicketFlow.Api.Tickets;

/// <summary>A ticketholder's details.</summary>
/// <param name="Id">The EN's id for the ticketholder.</param>
/// <param name="Name">The name.</param>
/// <param name="Email">Where check-in emails may go.</param>
/// <param name="Phone">A telephone number.</param>
/// <param name="AlternateContact">An alternate contact.</param>
public sealed record TicketholderRequest(string Id, string Name, string? Email, string? Phone, string? AlternateContact);
