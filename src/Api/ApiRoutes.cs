namespace TicketFlow.Api;

/// <summary>
/// Route constraints every endpoint shares, written once: an id (ticket number, PID, dispute, review, IWP or note id)
/// starts with a letter or digit and has at most 64 characters of letters, digits, '.', '_' and '-', the characters
/// the record keys accept. Braces are doubled as route templates require.
/// </summary>
internal static class ApiRoutes
{
    /// <summary>The constraint on an id segment, e.g. <c>"/{ticketNumber:" + Id + "}"</c>.</summary>
    public const string Id = "regex(^[A-Za-z0-9][A-Za-z0-9._-]{{0,63}}$)";
}
