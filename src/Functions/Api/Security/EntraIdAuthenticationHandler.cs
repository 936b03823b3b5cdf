using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketFlow.Functions.Api.Security;

/// <summary>
/// Authenticates callers by a Microsoft Entra ID access token in <c>Authorization: Bearer</c>: signed with one of the
/// tenant's keys (RS256), issued by the tenant, for TicketFlow's audience, within its lifetime on the host's clock.
/// The calling application is then mapped to its EN (or, with the administrator app role, to the operator), and the
/// principal carries the same claims an API key gives, so authorization and the audit trail do not care which was used.
/// </summary>
internal sealed class EntraIdAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    EntraIdSigningKeys keys,
    IOptions<EntraIdOptions> entra,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "EntraId";

    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = entra.Value;
        var header = Request.Headers.Authorization.ToString();
        if (!settings.Enabled || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var result = await ValidateAsync(token, settings, unknownKey: false);
        if (result is { IsValid: false, Exception: SecurityTokenSignatureKeyNotFoundException })
        {
            // Possibly a key Entra rotated in since the keys were read.
            result = await ValidateAsync(token, settings, unknownKey: true);
        }

        if (result is null || !result.IsValid)
        {
            SecurityLogs.TokenRefused(Logger, result?.Exception?.GetType().Name ?? "signing keys unavailable");
            return AuthenticateResult.Fail("The bearer token is not valid.");
        }

        var identity = result.ClaimsIdentity;
        var client = identity.FindFirst("azp")?.Value ?? identity.FindFirst("appid")?.Value;
        if (identity.FindAll("roles").Any(r => r.Value == settings.AdministratorRole))
        {
            return Success(new Claim(CallerClaims.Name, $"entra:{client ?? "administrator"}"), new Claim(CallerClaims.Administrator, "true"));
        }

        if (client is null || !settings.Clients.TryGetValue(client, out var enPid))
        {
            SecurityLogs.TokenRefused(Logger, "client application not mapped to an EN");
            return AuthenticateResult.Fail("The token's client application is not registered for an EN.");
        }

        return Success(new Claim(CallerClaims.EnPid, enPid), new Claim(CallerClaims.Name, $"entra:{client}"));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    private async Task<TokenValidationResult?> ValidateAsync(string token, EntraIdOptions settings, bool unknownKey)
    {
        if (await keys.GetAsync(unknownKey, Context.RequestAborted) is not { } set)
        {
            return null;
        }

        string[] issuers = Guid.TryParse(settings.TenantId, out var tenant)
            ? [set.Issuer, $"https://sts.windows.net/{tenant:D}/"]
            : [set.Issuer];
        return await Tokens.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = settings.Audience,
            IssuerSigningKeys = set.Keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,

            // The host's clock, so tests move time virtually and lifetimes are judged as the rest of the host judges time.
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } end && end > now - settings.ClockSkew && (notBefore is not { } start || start <= now + settings.ClockSkew);
            },
        });
    }

    private static AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, CallerClaims.Name, null)), SchemeName));
}
