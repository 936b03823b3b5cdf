using System.Security.Claims;
using TicketFlow.Api.Security;

namespace TicketFlow.Api;

/// <summary>Who is calling: the EN whose data the caller may see and change, and the name the audit trail records.</summary>
/// <param name="EnPid">The caller's EN.</param>
/// <param name="Name">The caller's name.</param>
public sealed record Caller(string EnPid, string Name)
{
    /// <summary>The caller of an authorised request (the EnCaller policy guarantees the claim).</summary>
    /// <param name="user">The request's user.</param>
    /// <returns>The caller.</returns>
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.FindFirstValue(CallerClaims.EnPid)!, user.FindFirstValue(CallerClaims.Name) ?? "unknown");
    }
}
