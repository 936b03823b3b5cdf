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
    /// Who is which EN's staff: the signed-in user's name as Entra ID gives it (the UPN or email, case-insensitive) to
    /// <c>{EN PID}/{staff id}</c>, e.g. <c>Web__EasyAuth__Staff__casey.diaz@en.example=P00001/s1</c>. A user not listed
    /// is signed in to nothing.
    /// </summary>
    public Dictionary<string, string> Staff { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
