namespace TicketFlow.Api.Web;

/// <summary>
/// The Function App's built-in authentication (Easy Auth) with Microsoft Entra ID. Its platform strips any
/// <c>X-MS-CLIENT-PRINCIPAL</c> header a client sends and sets its own, so the header is trusted only when this says
/// the app runs behind it; anywhere else anyone could send the header.
/// </summary>
public sealed class EasyAuthOptions
{
    /// <summary>Whether the app runs behind Easy Auth: staff are then signed in by it, not by a staff credential.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Who is which EN's staff: <c>user=PID/staffId</c> entries separated by <c>;</c>, the user as Entra ID names them
    /// (UPN or email, case-insensitive), e.g. <c>Web__EasyAuth__Staff=casey.diaz@en.example=P00001/s1</c>. One
    /// setting, because App Service setting names cannot hold the <c>@</c> of a user name. A user not listed is signed
    /// in to nothing.
    /// </summary>
    public string? Staff { get; set; }

    /// <summary>The <see cref="Staff"/> entries by user; null when one is not <c>user=PID/staffId</c>.</summary>
    /// <returns>The map, or null.</returns>
    public Dictionary<string, (string EnPid, string StaffId)>? StaffMap()
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (Staff ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = entry.LastIndexOf('=');
            if (at <= 0 || entry[(at + 1)..].Split('/') is not [{ Length: > 0 } pid, { Length: > 0 } staffId])
            {
                return null;
            }

            map[entry[..at]] = (pid, staffId);
        }

        return map;
    }
}
