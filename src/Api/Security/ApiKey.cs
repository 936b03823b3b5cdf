using System.Security.Cryptography;
using System.Text;

namespace TicketFlow.Api.Security;

/// <summary>
/// An API key as a caller presents it: <c>tf_{keyId}_{secret}</c>. The key id finds the stored record; only a
/// SHA-256 hash of the secret is stored, so a leaked store reveals no usable key. The secret is 256 random bits,
/// which is why a fast hash (not a password hash) is enough.
/// </summary>
public sealed record ApiKey(string KeyId, string Secret)
{
    private const string Prefix = "tf_";

    /// <summary>The key as the caller sends it in the <c>X-Api-Key</c> header.</summary>
    public string Value => $"{Prefix}{KeyId}_{Secret}";

    /// <summary>Creates a new random key.</summary>
    /// <returns>The key; show its <see cref="Value"/> once and store only <see cref="Hash"/>.</returns>
    public static ApiKey Create() =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), Base64Url(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Reads a presented key; returns false for anything not shaped like a TicketFlow key.</summary>
    /// <param name="value">The header value.</param>
    /// <param name="key">The parsed key.</param>
    /// <returns>Whether the value had the key's shape.</returns>
    public static bool TryParse(string? value, out ApiKey key)
    {
        key = new ApiKey(string.Empty, string.Empty);
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal) || value.Length > 128)
        {
            return false;
        }

        var rest = value.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != 16 || rest.Length - separator - 1 < 32)
        {
            return false;
        }

        var keyId = rest[..separator];
        foreach (var c in keyId)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }

        key = new ApiKey(keyId.ToString(), rest[(separator + 1)..].ToString());
        return true;
    }

    /// <summary>The hash that is stored for this key.</summary>
    /// <returns>The lowercase hex SHA-256 of the secret.</returns>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));

    /// <summary>Compares this key's secret with a stored hash in constant time.</summary>
    /// <param name="storedHash">The hash from the store.</param>
    /// <returns>Whether they match.</returns>
    public bool Matches(string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash()), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '~');

    /// <inheritdoc />
    public override string ToString() => $"{Prefix}{KeyId}_***";
}
