using System.Security.Cryptography;
using System.Text;

namespace TicketFlow.Functions.Email;

/// <summary>
/// Verifies SendGrid's Signed Event Webhook: an ECDSA P-256 / SHA-256 signature (base64, DER) in
/// X-Twilio-Email-Event-Webhook-Signature over the X-Twilio-Email-Event-Webhook-Timestamp value followed by the raw
/// request body.
/// </summary>
public sealed class SendGridWebhookSignature : IDisposable
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";

    /// <summary>The timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private readonly ECDsa _key;

    /// <summary>Creates a verifier for the key SendGrid shows (base64 SubjectPublicKeyInfo, or PEM).</summary>
    /// <param name="verificationKey">The public key.</param>
    /// <exception cref="FormatException">The key is not base64 or PEM.</exception>
    /// <exception cref="CryptographicException">The key is not an EC public key.</exception>
    public SendGridWebhookSignature(string verificationKey)
    {
        _key = ImportKey(verificationKey);
    }

    /// <summary>Whether <paramref name="signature"/> is SendGrid's signature of timestamp + body.</summary>
    /// <param name="timestamp">The timestamp header value, exactly as received.</param>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signature">The signature header value (base64).</param>
    /// <returns>True if the signature is valid.</returns>
    public bool Verify(string timestamp, ReadOnlySpan<byte> body, string signature)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(signature);
        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var timestampBytes = Encoding.UTF8.GetBytes(timestamp);
        var payload = new byte[timestampBytes.Length + body.Length];
        timestampBytes.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(timestampBytes.Length));
        return _key.VerifyData(payload, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    internal static ECDsa ImportKey(string verificationKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verificationKey);
        var key = ECDsa.Create();
        try
        {
            if (verificationKey.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(verificationKey);
            }
            else
            {
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(verificationKey.Trim()), out _);
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
