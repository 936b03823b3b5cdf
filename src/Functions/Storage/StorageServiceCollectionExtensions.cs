using System.Globalization;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketFlow.Functions.Storage.Auth;
using TicketFlow.Functions.Storage.Blobs;
using TicketFlow.Functions.Storage.Documents;
using TicketFlow.Functions.Storage.Tables;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Functions.Storage;

/// <summary>Registers the storage area: options, the Table and Blob service clients, the document store, and Azurite when needed.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the Storage section (at start), registers <see cref="TableServiceClient"/>,
    /// <see cref="BlobServiceClient"/> and <see cref="IDocumentStore"/> as singletons, and, when no account is
    /// configured, a hosted service that starts Azurite first. Call it before adding hosted services that use storage.
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

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AzureSdkLogForwarder>());
        services.TryAddSingleton(sp => StorageAccount.From(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton(sp =>
        {
            var account = sp.GetRequiredService<StorageAccount>();
            var options = ClientOptions(sp);
            StorageLogs.Using(sp.GetRequiredService<ILogger<StorageAccount>>(), account.TableEndpoint, account.BlobEndpoint, account.SharedKey is null ? "EntraId" : "SharedKey");
            return account.SharedKey is { } key
                ? new TableServiceClient(account.TableEndpoint, key, options)
                : new TableServiceClient(account.TableEndpoint, account.Token!, options);
        });
        services.TryAddSingleton(sp =>
        {
            var account = sp.GetRequiredService<StorageAccount>();
            var options = ClientOptions(sp);
            return account.SharedKey is { } key
                ? new BlobServiceClient(account.BlobEndpoint, key, options)
                : new BlobServiceClient(account.BlobEndpoint, account.Token!, options);
        });
        services.TryAddSingleton<IDocumentStore>(sp => new BlobDocumentStore(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DocumentsContainerName),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static StorageClientOptions ClientOptions(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
        var options = new StorageClientOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() };
        options.Retry.MaxRetries = o.MaxRetries;
        options.Retry.Delay = o.RetryDelay;
        return options;
    }
}
