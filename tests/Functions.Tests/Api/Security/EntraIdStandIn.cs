using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketFlow.Functions.Tests.Api.Security;

/// <summary>
/// A stand-in for a Microsoft Entra ID tenant on loopback: its OpenID metadata and JWKS document (with keys the test
/// can rotate), and access tokens minted with those keys the way Entra shapes them (v2 issuer, azp, roles).
/// </summary>
public sealed class EntraIdStandIn : IAsyncDisposable
{
    public const string TenantId = "9f3c2a1e-5b7d-4c8e-a1f2-3d4e5f6a7b8c";
    public const string Audience = "api://ticketflow";

    private WebApplication _app = null!;
    private readonly List<RsaSecurityKey> _published = [];
    private int _keyReads;

    private EntraIdStandIn()
    {
    }

    public Uri Instance { get; private set; } = null!;

    public string Issuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    /// <summary>How many times the JWKS document was read.</summary>
    public int KeyReads => Volatile.Read(ref _keyReads);

    public RsaSecurityKey CurrentKey => _published[^1];

    public static async Task<EntraIdStandIn> StartAsync()
    {
        var standIn = new EntraIdStandIn();
        standIn.Rotate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant, HttpRequest request) => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}/{tenant}/discovery/v2.0/keys",
        }));
        app.MapGet("/{tenant}/discovery/v2.0/keys", () =>
        {
            Interlocked.Increment(ref standIn._keyReads);
            lock (standIn._published)
            {
                return Results.Json(new { keys = standIn._published.Select(Jwk).ToArray() });
            }
        });
        await app.StartAsync();
        standIn._app = app;
        standIn.Instance = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return standIn;
    }

    /// <summary>Publishes a new signing key beside the old ones, as Entra does before it starts using it.</summary>
    public RsaSecurityKey Rotate()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
        lock (_published)
        {
            _published.Add(key);
        }

        return key;
    }

    /// <summary>The settings that point a TicketFlow host at this tenant, with two client applications mapped to the two test ENs.</summary>
    public string[] HostSettings(params string[] more) =>
    [
        $"--Api:EntraId:Instance={Instance}",
        $"--Api:EntraId:TenantId={TenantId}",
        $"--Api:EntraId:Audience={Audience}",
        $"--Api:EntraId:Clients:{FirstEnClient}=P00001",
        $"--Api:EntraId:Clients:{SecondEnClient}=P00002",
        .. more,
    ];

    public const string FirstEnClient = "11111111-2222-3333-4444-555555555555";
    public const string SecondEnClient = "66666666-7777-8888-9999-000000000000";

    public string Token(
        string client = FirstEnClient, string? audience = null, string? issuer = null, SecurityKey? key = null,
        TimeSpan? expiresIn = null, string[]? roles = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new List<Claim> { new("azp", client), new("tid", TenantId), new("sub", client) };
        claims.AddRange((roles ?? []).Select(r => new Claim("roles", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? Audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key ?? CurrentKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Dictionary<string, string> Jwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
