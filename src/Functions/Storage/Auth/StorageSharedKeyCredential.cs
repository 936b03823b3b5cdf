using System.Security.Cryptography;
using System.Text;

namespace TicketFlow.Functions.Storage.Auth;

/// <summary>
/// A storage account name and key, used to sign requests with the Shared Key scheme (Azurite and key-based accounts).
/// Shaped like Azure.Storage's <c>StorageSharedKeyCredential</c> so that swapping the official packages in is small.
/// </summary>
public sealed class StorageSharedKeyCredential
{
    private byte[] _accountKey;

    /// <summary>The well-known account name of the Azure Storage emulator (Azurite).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>
    /// The well-known, publicly documented key of the Azure Storage emulator (Azurite). Not a secret.
    /// </summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Creates a credential from an account name and its base64 account key.</summary>
    /// <param name="accountName">The storage account name.</param>
    /// <param name="accountKey">The account key, base64 as the Azure portal shows it.</param>
    /// <exception cref="ArgumentException">The name is empty or the key is not valid base64.</exception>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        AccountName = accountName;
        _accountKey = DecodeKey(accountKey);
    }

    /// <summary>The storage account name that requests are signed for.</summary>
    public string AccountName { get; }

    /// <summary>Replaces the account key, for key rotation without rebuilding clients.</summary>
    /// <param name="accountKey">The new base64 account key.</param>
    public void SetAccountKey(string accountKey) => _accountKey = DecodeKey(accountKey);

    /// <summary>Computes the base64 HMAC-SHA256 of <paramref name="stringToSign"/> with the account key.</summary>
    /// <param name="stringToSign">The canonical string the Shared Key scheme defines for the request.</param>
    /// <returns>The base64 signature.</returns>
    public string ComputeHmacSha256(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_accountKey, Encoding.UTF8.GetBytes(stringToSign)));

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException e)
        {
            // The key itself is never put in the message: it is a secret.
            throw new ArgumentException("The storage account key is not valid base64.", nameof(accountKey), e);
        }
    }
}
