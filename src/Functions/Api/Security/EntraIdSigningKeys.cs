using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TicketFlow.Functions.Api.Security;

/// <summary>
/// The tenant's token issuer and signing keys, read from its OpenID metadata and JWKS document and kept for
/// <see cref="EntraIdOptions.KeyRefreshInterval"/>. A token signed with a key not in the set forces a new read (Entra
/// rotates keys), at most once per <see cref="EntraIdOptions.MinimumKeyRefreshInterval"/> so forged key ids cannot make
/// the host hammer the metadata endpoint. When a read fails the keys already known stay in use.
/// </summary>
internal sealed class EntraIdSigningKeys(HttpClient http, IOptions<EntraIdOptions> options, TimeProvider time, ILogger<EntraIdSigningKeys> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EntraIdKeySet? _current;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    /// <summary>The issuer and keys; <paramref name="unknownKey"/> asks for a fresh read because a token's key was not found.</summary>
    public async Task<EntraIdKeySet?> GetAsync(bool unknownKey, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (_current is { } known && !Due(known, unknownKey, settings))
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && !Due(again, unknownKey, settings))
            {
                return again;
            }

            if (_current is not null && time.GetUtcNow() - _lastAttempt < settings.MinimumKeyRefreshInterval)
            {
                return _current;
            }

            _lastAttempt = time.GetUtcNow();
            try
            {
                var metadataUri = new Uri(settings.Instance, $"{Uri.EscapeDataString(settings.TenantId)}/v2.0/.well-known/openid-configuration");
                using var metadata = JsonDocument.Parse(await http.GetStringAsync(metadataUri, cancellationToken));
                var issuer = metadata.RootElement.GetProperty("issuer").GetString()!;
                var jwksUri = new Uri(metadata.RootElement.GetProperty("jwks_uri").GetString()!);
                var keys = new JsonWebKeySet(await http.GetStringAsync(jwksUri, cancellationToken)).GetSigningKeys();
                _current = new EntraIdKeySet(issuer, keys, time.GetUtcNow());
                SecurityLogs.SigningKeysRead(logger, keys.Count, issuer);
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or TaskCanceledException)
            {
                SecurityLogs.SigningKeysUnavailable(logger, e);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool Due(EntraIdKeySet set, bool unknownKey, EntraIdOptions settings) =>
        time.GetUtcNow() - set.ReadAt >= (unknownKey ? settings.MinimumKeyRefreshInterval : settings.KeyRefreshInterval);
}
