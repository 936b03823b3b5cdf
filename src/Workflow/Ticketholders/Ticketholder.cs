namespace TicketFlow.Workflow.Ticketholders;

/// <summary>
/// A ticketholder served by an EN. This record holds personal information: it is deleted when the records pass
/// their retention period.
/// </summary>
/// <param name="EnPid">The EN serving the ticketholder.</param>
/// <param name="TicketholderId">The id, unique within the EN.</param>
/// <param name="Name">The ticketholder's name.</param>
/// <param name="Email">Where check-in emails go, if the ticketholder agreed to email.</param>
/// <param name="Phone">A telephone number.</param>
/// <param name="AlternateContact">An alternate contact, if the ticketholder named one.</param>
public sealed record Ticketholder(
    string EnPid,
    string TicketholderId,
    string Name,
    string? Email,
    string? Phone,
    string? AlternateContact);
