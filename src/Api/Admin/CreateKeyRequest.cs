namespace TicketFlow.Api.Admin;

/// <summary>Creates an API key.</summary>
/// <param name="Name">A name for the key (it appears in the audit trail as the caller).</param>
public sealed record CreateKeyRequest(string Name);
