using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Api.Security;

/// <summary>
/// Authenticates callers by the <c>X-Api-Key</c> header: an EN's key (looked up by key id, secret compared with
/// the stored hash) or the operator's administrative key from configuration.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore store,
    IOptions<ApiSecurityOptions> security)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <inheritdoc/>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || !ApiKey.TryParse(values[0], out var key))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        if (security.Value.AdministratorKeyHash is { Length: > 0 } adminHash && key.Matches(adminHash))
        {
            return Success(new Claim(CallerClaims.Name, "administrator"), new Claim(CallerClaims.Administrator, "true"));
        }

        var record = await store.FindAsync(key.KeyId, Context.RequestAborted);
        if (record is null || record.RevokedAt is not null || !key.Matches(record.SecretHash))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        return Success(new Claim(CallerClaims.EnPid, record.EnPid), new Claim(CallerClaims.Name, $"key:{record.Name}"));
    }

    private static AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, CallerClaims.Name, null)), SchemeName));
}
