using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TicketFlow.Api.Management;

/// <summary>
/// The paging tokens of <c>GET /instances</c>: the durable store's own token, wrapped so that a caller can tell it
/// is opaque and the API can tell a token it handed out from anything else (a malformed one answers 400 naming the
/// field, never reaches the store's query).
/// </summary>
internal static class ContinuationTokens
{
    private const string Version = "v1.";
    private const int MaxLength = 2048;
    private static readonly System.Buffers.SearchValues<char> Base64Url =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>The token handed to the caller for the store's <paramref name="storeToken"/>.</summary>
    public static string Seal(string storeToken) => Version + WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(storeToken));

    /// <summary>Whether <paramref name="token"/> is shaped like one <see cref="Seal"/> made.</summary>
    public static bool IsWellFormed(string token) => TryOpen(token, out _);

    /// <summary>The store's token inside a well-formed <paramref name="token"/>.</summary>
    public static string Open(string token) =>
        TryOpen(token, out var storeToken) ? storeToken : throw new ArgumentException("Not a continuation token.", nameof(token));

    private static bool TryOpen(string token, out string storeToken)
    {
        storeToken = string.Empty;
        if (token.Length is <= 3 or > MaxLength || !token.StartsWith(Version, StringComparison.Ordinal)
            || token.AsSpan(Version.Length).ContainsAnyExcept(Base64Url))
        {
            return false;
        }

        try
        {
            storeToken = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(WebEncoders.Base64UrlDecode(token, Version.Length, token.Length - Version.Length));
            return storeToken.Length > 0 && !storeToken.Any(char.IsControl);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
