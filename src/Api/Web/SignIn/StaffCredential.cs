using System.Security.Cryptography;
using System.Text;
using TicketFlow.Api.Security;

namespace TicketFlow.Api.Web.SignIn;

/// <summary>
/// A staff member's sign-in credential for the web page: <c>tfs_{keyId}_{secret}</c>, shaped like an API key and
/// kept in the same store (only a hash, found by key id, revoked the same way). Its hash is taken over a
/// purpose-prefixed secret, so the credential rewritten as an API key (<c>tf_...</c>) matches nothing: it opens the
/// page, never the API.
/// </summary>
internal sealed record StaffCredential(ApiKey Key)
{
    private const string Prefix = "tfs_";
    private const string RecordPrefix = "staff:";

    /// <summary>The credential as the staff member types it.</summary>
    public string Value => $"{Prefix}{Key.Value["tf_".Length..]}";

    /// <summary>The key id that finds the stored record.</summary>
    public string KeyId => Key.KeyId;

    /// <summary>A new random credential.</summary>
    public static StaffCredential Create() => new(ApiKey.Create());

    /// <summary>Reads a typed credential; false for anything not shaped like one.</summary>
    public static bool TryParse(string? value, out StaffCredential credential)
    {
        credential = new StaffCredential(new ApiKey(string.Empty, string.Empty));
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal) || !ApiKey.TryParse("tf_" + value[Prefix.Length..], out var key))
        {
            return false;
        }

        credential = new StaffCredential(key);
        return true;
    }

    /// <summary>The key-store record name that marks a staff credential and names its staff member.</summary>
    public static string RecordName(string staffId) => RecordPrefix + staffId;

    /// <summary>The staff member a key-store record name belongs to, or null when the record is not a staff credential.</summary>
    public static string? StaffIdOf(string recordName) =>
        recordName.StartsWith(RecordPrefix, StringComparison.Ordinal) ? recordName[RecordPrefix.Length..] : null;

    /// <summary>The hash that is stored.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ticketflow-staff-sign-in:" + Key.Secret)));

    /// <summary>Compares with a stored hash in constant time.</summary>
    public bool Matches(string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash()), Encoding.ASCII.GetBytes(storedHash));

    /// <inheritdoc />
    public override string ToString() => $"{Prefix}{KeyId}_***";
}
