using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketFlow.Testing.Fixtures;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using TicketFlow.Api;

namespace TicketFlow.Api.Tests.Security;

/// <summary>
/// A stand-in for a Microsoft Entra ID tenant, served by WireMock.Net on loopback: its OpenID metadata and JWKS document
/// (with keys the test can rotate), and access tokens minted with those keys the way Entra shapes them (v2 issuer,
/// azp, roles).
/// </summary>
public sealed class EntraIdStandIn : IAsyncDisposable
{
    public const string TenantId = "9f3c2a1e-5b7d-4c8e-a1f2-3d4e5f6a7b8c";
    public const string Audience = "api://ticketflow";

    private static readonly Guid KeysMapping = Guid.Parse("e1a70000-0000-4000-8000-00000000005e");
    private readonly WireMockServer _server;
    private readonly List<RsaSecurityKey> _published = [];

    private EntraIdStandIn(WireMockServer server) => _server = server;

    public Uri Instance => new(_server.Url! + "/");

    public string Issuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    private string KeysPath => $"/{TenantId}/discovery/v2.0/keys";

    /// <summary>How many times the JWKS document was read.</summary>
    public int KeyReads => _server.LogEntries.Count(e => e.MappingGuid == KeysMapping);

    public RsaSecurityKey CurrentKey
    {
        get
        {
            lock (_published)
            {
                return _published[^1];
            }
        }
    }

    public static Task<EntraIdStandIn> StartAsync()
    {
        var standIn = new EntraIdStandIn(LoopbackWireMock.Start());
        standIn._server.Given(Request.Create().WithPath($"/{TenantId}/v2.0/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithBodyAsJson(new Dictionary<string, string>
            {
                ["issuer"] = standIn.Issuer,
                ["jwks_uri"] = standIn._server.Url + standIn.KeysPath,
            }));
        standIn.Rotate();
        return Task.FromResult(standIn);
    }

    /// <summary>Publishes a new signing key beside the old ones, as Entra does before it starts using it.</summary>
    public RsaSecurityKey Rotate()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
        lock (_published)
        {
            _published.Add(key);

            // Same mapping id: the JWKS document is replaced, not added beside.
            _server.Given(Request.Create().WithPath(KeysPath).UsingGet())
                .WithGuid(KeysMapping)
                .RespondWith(Response.Create().WithBodyAsJson(new { keys = _published.Select(Jwk).ToArray() }));
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

    public ValueTask DisposeAsync()
    {
        _server.Stop();
        _server.Dispose();
        return ValueTask.CompletedTask;
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
