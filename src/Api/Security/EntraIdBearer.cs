using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TicketFlow.Api.Security;

/// <summary>
/// Microsoft Entra ID access tokens in <c>Authorization: Bearer</c>, through ASP.NET Core's JwtBearer: the tenant's
/// OpenID metadata and signing keys are read and refreshed by its OpenID configuration manager (RS256 only; a token
/// signed with a key not yet known makes it read the keys again, at most once per
/// <see cref="EntraIdOptions.MinimumKeyRefreshInterval"/>), and issuer, audience and lifetime are checked. The calling
/// application is then mapped to its EN (or, with the administrator app role, to the operator), and the principal
/// carries the same claims an API key gives, so authorization and the audit trail do not care which was used.
/// </summary>
internal static class EntraIdBearer
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "EntraId";

    // With this IdentityModel switch, a refresh the handler asks for (a token signed with an unknown key) is read
    // before the token is checked again, in the same request; without it the read runs in the background and the
    // first token Entra signs with a newly rotated key would be refused.
    private const string UpdateConfigAsBlocking = "Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking";

    /// <summary>Adds the Entra ID bearer scheme, configured from <see cref="EntraIdOptions"/> (bound and validated by the caller).</summary>
    /// <param name="authentication">The authentication builder.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddEntraIdBearer(this AuthenticationBuilder authentication)
    {
        AppContext.SetSwitch(UpdateConfigAsBlocking, true);
        authentication.Services.AddOptions<JwtBearerOptions>(SchemeName)
            .Configure<IOptions<EntraIdOptions>>((bearer, entra) => Configure(bearer, entra.Value));
        return authentication.AddJwtBearer(SchemeName);
    }

    private static void Configure(JwtBearerOptions bearer, EntraIdOptions entra)
    {
        // Claims keep the names Entra gives them (azp, appid, roles) instead of .NET's long URIs.
        bearer.MapInboundClaims = false;
        bearer.Events = new JwtBearerEvents { OnTokenValidated = MapCallerAsync, OnAuthenticationFailed = LogRefusalAsync };
        if (!entra.Enabled)
        {
            return;
        }

        bearer.Authority = new Uri(entra.Instance, $"{Uri.EscapeDataString(entra.TenantId)}/v2.0").ToString();

        // Metadata over plain HTTP only from a stand-in on loopback (tests); EntraIdOptionsValidator refuses any other
        // http instance, so a real tenant's keys are always read over HTTPS.
        bearer.RequireHttpsMetadata = !(entra.Instance.Scheme == Uri.UriSchemeHttp && entra.Instance.IsLoopback);
        bearer.Audience = entra.Audience;
        bearer.AutomaticRefreshInterval = entra.KeyRefreshInterval;
        bearer.RefreshInterval = entra.MinimumKeyRefreshInterval;
        bearer.RefreshOnIssuerKeyNotFound = true;
        bearer.BackchannelTimeout = TimeSpan.FromSeconds(10);
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = entra.Audience,

            // The v2.0 issuer comes from the tenant's metadata; v1.0 tokens (an application that has not opted in to
            // v2 tokens) name the tenant at sts.windows.net.
            ValidIssuers = Guid.TryParse(entra.TenantId, out var tenant) ? [$"https://sts.windows.net/{tenant:D}/"] : [],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = entra.ClockSkew,
        };
    }

    private static Task MapCallerAsync(TokenValidatedContext context)
    {
        var entra = context.HttpContext.RequestServices.GetRequiredService<IOptions<EntraIdOptions>>().Value;
        var token = context.Principal!;
        var client = token.FindFirst("azp")?.Value ?? token.FindFirst("appid")?.Value;
        if (token.FindAll("roles").Any(r => r.Value == entra.AdministratorRole))
        {
            context.Principal = Caller(new Claim(CallerClaims.Name, $"entra:{client ?? "administrator"}"), new Claim(CallerClaims.Administrator, "true"));
            return Task.CompletedTask;
        }

        if (client is null || !(entra.Clients.TryGetValue(client, out var enPid)
            || entra.Clients.TryGetValue(client.Replace("-", string.Empty, StringComparison.Ordinal), out enPid)))
        {
            SecurityLogs.TokenRefused(Logger(context.HttpContext), "client application not mapped to an EN");
            context.Fail("The token's client application is not registered for an EN.");
            return Task.CompletedTask;
        }

        context.Principal = Caller(new Claim(CallerClaims.EnPid, enPid), new Claim(CallerClaims.Name, $"entra:{client}"));
        return Task.CompletedTask;
    }

    private static Task LogRefusalAsync(AuthenticationFailedContext context)
    {
        SecurityLogs.TokenRefused(Logger(context.HttpContext), context.Exception.GetType().Name);
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraIdBearer).FullName!);

    private static ClaimsPrincipal Caller(params Claim[] claims) =>
        new(new ClaimsIdentity(claims, SchemeName, CallerClaims.Name, null));
}
