using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TicketFlow.Api.Security;
using TicketFlow.Server.Hosting;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Testing.Hosts;

/// <summary>
/// The real TicketFlow host on Kestrel (a free loopback port) against the shared Azurite, with its own tables,
/// container and data folder; the first-run EN (P00001) and a second EN (P00002) each with an API key.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly string _dataFolder;

    private ApiHost(WebApplication app, Uri baseAddress, string firstKey, string secondKey, string dataFolder)
    {
        _dataFolder = dataFolder;
        App = app;
        BaseAddress = baseAddress;
        FirstEnKey = firstKey;
        SecondEnKey = secondKey;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string FirstEnKey { get; }

    public string SecondEnKey { get; }

    /// <summary>A client of the host with <paramref name="apiKey"/> (none when null).</summary>
    /// <param name="apiKey">The API key to send, if any.</param>
    /// <param name="maxConnections">At most this many connections at once (a load generator's pool), or unbounded.</param>
    public HttpClient Client(string? apiKey, int? maxConnections = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections ?? int.MaxValue }) { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public static Task<ApiHost> StartAsync(AzuriteFixture azurite, params string[] settings) => StartAsync(azurite, configure: null, settings);

    /// <summary>Starts the host, letting <paramref name="configure"/> replace services first (a failing store, for example).</summary>
    public static Task<ApiHost> StartAsync(AzuriteFixture azurite, Action<WebApplicationBuilder>? configure, params string[] settings) =>
        StartAsync(azurite, configure, sameStorageAs: null, settings);

    /// <summary>
    /// Another instance beside <paramref name="other"/>, as a scaled-out host has: its own process state and data folder,
    /// the same tables and documents container (pass them in <paramref name="settings"/> to both), the same ENs and keys.
    /// </summary>
    public static Task<ApiHost> StartBesideAsync(ApiHost other, AzuriteFixture azurite, params string[] settings) =>
        StartAsync(azurite, configure: null, sameStorageAs: other, settings);

    private static async Task<ApiHost> StartAsync(AzuriteFixture azurite, Action<WebApplicationBuilder>? configure, ApiHost? sameStorageAs, string[] settings)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("tfapi"));
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--Data:Folder={dataFolder}",
            $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Storage:Records:TablePrefix={AzuriteFixture.UniqueName("api")}",
            $"--Storage:DocumentsContainerName={AzuriteFixture.UniqueName("docs")}",
            $"--Email:OutboxFolder={Path.Combine(dataFolder, "outbox")}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = TicketFlowHost.Build(args, configure);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        if (sameStorageAs is not null)
        {
            return new ApiHost(app, address, sameStorageAs.FirstEnKey, sameStorageAs.SecondEnKey, dataFolder);
        }

        // On a configured account (the shared Azurite) the host creates no demo EN; the same one is made here.
        var networks = app.Services.GetRequiredService<IEmploymentNetworkRepository>();
        var first = await FirstRunBootstrap.CreateDemoNetworkAsync(new FirstRunOptions(), networks,
            app.Services.GetRequiredService<IApiKeyStore>(), TimeProvider.System, CancellationToken.None);
        var firstKey = first.Value;

        await networks.AddAsync(new EmploymentNetwork("P00002", "Other EN", "Full-time", "America/Chicago",
            new Contact("Other", "other@en2.example"), RetentionPolicy.ConfirmBeforeDisposal, false), CancellationToken.None);
        var second = ApiKey.Create();
        await app.Services.GetRequiredService<IApiKeyStore>().AddAsync(
            new ApiKeyRecord(second.KeyId, "P00002", "other", second.Hash(), DateTimeOffset.UtcNow, null), CancellationToken.None);
        return new ApiHost(app, address, firstKey, second.Value, dataFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
