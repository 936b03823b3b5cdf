using Microsoft.Extensions.Configuration.Memory;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Infrastructure.Storage;

namespace TicketFlow.Server.Hosting;

/// <summary>
/// The self-hosted server's defaults, below every configured value: where it listens and where its local data goes.
/// </summary>
internal static class ServerDefaults
{
    /// <summary>Where the server listens when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c>, the HTTP(S) ports settings nor Kestrel endpoints say.</summary>
    public const string Url = "http://localhost:5080";

    /// <summary>Applies the defaults to the builder's configuration, as its lowest-priority source.</summary>
    /// <param name="builder">The host's builder, before services read the configuration.</param>
    /// <param name="dataFolder">The data folder; Azurite's files and the outbox default to it.</param>
    public static void Apply(WebApplicationBuilder builder, DataFolder dataFolder)
    {
        var defaults = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataFolder)}"] = dataFolder.Path,
            [$"{EmailOptions.SectionName}:{nameof(EmailOptions.OutboxFolder)}"] = Path.Combine(dataFolder.Path, "outbox"),
        };
        if (RepositoryCheckout.Root is { } root)
        {
            defaults[$"{StorageOptions.SectionName}:{nameof(StorageOptions.RepositoryRoot)}"] = root;
        }

        // First in the list: anything configured anywhere (appsettings, environment, arguments) wins.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });

        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(Url);
        }
    }
}
