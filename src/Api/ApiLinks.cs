using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TicketFlow.Api;

/// <summary>
/// Absolute URLs of the API's resources, from <see cref="ApiOptions.PublicBaseUrl"/> (or the address the host listens
/// on), never from a request's Host header: a caller who sends <c>Host: evil.example</c> must not get links there.
/// </summary>
internal sealed class ApiLinks(IOptions<ApiOptions> options, IServer server, HostSettings host)
{
    private string? _base;

    /// <summary>The URL of a path under the versioned API, for example <c>tickets/T-1</c>.</summary>
    public string To(string pathUnderV1) => $"{Base()}/{host.RoutePrefix}/v1/{pathUnderV1}";

    private string Base()
    {
        if (_base is not null)
        {
            return _base;
        }

        var configured = options.Value.PublicBaseUrl;
        var address = configured.Length > 0
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";

        // Kestrel reports a wildcard binding as it was configured; a link needs a name a caller can resolve.
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return _base = address.TrimEnd('/');
    }
}
