using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketFlow.Infrastructure.Storage.Documents;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Infrastructure.Storage;

/// <summary>Registers the storage area: options, the Table and Blob service clients, the document store, and Azurite when needed.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The Blob service version every request asks for. Azurite 3.37 accepts versions up to 2026-06-06 and Azure.Storage.Blobs
    /// 12.30.1 would send a newer one. Pinning it here (rather than starting Azurite with --skipApiVersionCheck) makes
    /// tests speak exactly the version production speaks, and works with any Azurite 3.37 a developer points
    /// Storage:ConnectionString at, not only the one TicketFlow starts. Raise it together with the Azurite version.
    /// The Table SDK's only version (2019-02-02) is accepted by Azurite as it is.
    /// </summary>
    public const BlobClientOptions.ServiceVersion BlobServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    /// <summary>
    /// Binds and validates the Storage section (at start), registers <see cref="TableServiceClient"/>,
    /// <see cref="BlobServiceClient"/> (through Microsoft.Extensions.Azure, which also forwards the SDKs' event
    /// sources to the host's logging under the categories Azure.Core, Azure.Identity...) and
    /// <see cref="IDocumentStore"/> as singletons, and, when no account is configured, a hosted service that starts
    /// Azurite first. Call it before adding hosted services that use storage.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root (reads the Storage section).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddStorageServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(StorageOptions.SectionName);
        services.AddOptions<StorageOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var configured = section.Get<StorageOptions>() ?? new StorageOptions();
        if (!configured.IsAccountConfigured && configured.StartAzuriteWhenNotConfigured)
        {
            services.AddHostedService<AzuriteHostedService>();
        }

        services.TryAddSingleton(sp =>
        {
            var account = StorageAccount.From(sp.GetRequiredService<IOptions<StorageOptions>>().Value);
            StorageLogs.Using(sp.GetRequiredService<ILogger<StorageAccount>>(), account.TableEndpoint, account.BlobEndpoint, account.Authentication);
            return account;
        });
        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((options, _, sp) =>
                sp.GetRequiredService<StorageAccount>().CreateTableServiceClient(Configure(options, sp)));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, _, sp) =>
                    sp.GetRequiredService<StorageAccount>().CreateBlobServiceClient(Configure(options, sp)))
                .WithVersion(BlobServiceVersion);
        });
        services.TryAddSingleton<IDocumentStore>(sp => new BlobDocumentStore(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DocumentsContainerName),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Retries from Storage:MaxRetries and Storage:RetryDelay (exponential back-off on 408, 429, 500, 502, 503, 504 and
    /// network failures, capped at a minute), the SDKs' request logging only when Storage:SdkRequestLogging asks for it,
    /// and the response headers worth having in a log.
    /// </summary>
    private static TOptions Configure<TOptions>(TOptions options, IServiceProvider sp)
        where TOptions : ClientOptions
    {
        var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = o.MaxRetries;
        options.Retry.Delay = o.RetryDelay;
        options.Retry.MaxDelay = TimeSpan.FromMinutes(1);
        options.Diagnostics.IsLoggingEnabled = o.SdkRequestLogging;
        options.Diagnostics.LoggedHeaderNames.Add("x-ms-request-id");
        options.Diagnostics.LoggedHeaderNames.Add("x-ms-error-code");
        return options;
    }
}
