using Microsoft.Extensions.Options;

namespace TicketFlow.Api.Security;

/// <summary>Checks <see cref="EntraIdOptions"/> at start: a configured tenant needs an audience, HTTPS and EN mappings.</summary>
internal sealed class EntraIdOptionsValidator : IValidateOptions<EntraIdOptions>
{
    public ValidateOptionsResult Validate(string? name, EntraIdOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.TenantId, out _) && !options.TenantId.Contains('.', StringComparison.Ordinal))
        {
            failures.Add("Api:EntraId:TenantId must be a directory id (a GUID) or a verified domain name.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Api:EntraId:Audience is required when a tenant is configured.");
        }

        // Keys fetched over plain HTTP could be replaced in transit; only a loopback stand-in (tests) may use it.
        if (options.Instance.Scheme != Uri.UriSchemeHttps && !options.Instance.IsLoopback)
        {
            failures.Add("Api:EntraId:Instance must be an https URI.");
        }

        if (options.Clients.Count == 0)
        {
            failures.Add("Api:EntraId:Clients must map at least one client application id to an EN PID.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add("Api:EntraId:ClockSkew must be between 0 and 10 minutes.");
        }

        // The OpenID configuration manager's own floors: it refuses to re-read keys more often than these.
        if (options.MinimumKeyRefreshInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Api:EntraId:MinimumKeyRefreshInterval must be at least 1 second.");
        }

        if (options.KeyRefreshInterval < TimeSpan.FromMinutes(5) || options.KeyRefreshInterval < options.MinimumKeyRefreshInterval)
        {
            failures.Add("Api:EntraId:KeyRefreshInterval must be at least 5 minutes and at least MinimumKeyRefreshInterval.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
