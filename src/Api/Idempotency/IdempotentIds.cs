using System.Security.Cryptography;
using System.Text;

namespace TicketFlow.Api.Idempotency;

/// <summary>
/// Ids of the records a request creates (a case note, an IWP), derived from its Idempotency-Key when it has one. A
/// retry after its first attempt crashed then names the same record, so it finds the effect the first attempt had
/// (the workflow wrote the record) instead of creating a second one; without a key an id is random.
/// </summary>
internal static class IdempotentIds
{
    /// <summary>The caller's scope and key of the request being run, set by <see cref="IdempotencyMiddleware"/>.</summary>
    public sealed record Claim(string Scope, string Key);

    /// <summary>Whether the request carries an Idempotency-Key (and so may be a retry of one that already had its effect).</summary>
    public static bool IsKeyed(HttpContext http) => http.Features.Get<Claim>() is not null;

    /// <summary>An id <paramref name="prefix"/>-... of <paramref name="length"/> characters.</summary>
    public static string For(HttpContext http, string prefix, int length)
    {
        if (http.Features.Get<Claim>() is not { } claim)
        {
            return $"{prefix}-{Guid.NewGuid():N}"[..length];
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{claim.Scope}\n{claim.Key}\n{http.Request.Path}"));
        return $"{prefix}-{Convert.ToHexStringLower(hash)}"[..length];
    }
}
