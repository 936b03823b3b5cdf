using System.Globalization;
using Azure.Core;
using Azure.Identity;
using TicketFlow.Functions.Storage.Auth;

namespace TicketFlow.Functions.Storage;

/// <summary>The resolved account: endpoints and one of the two credentials.</summary>
/// <param name="TableEndpoint">The Table service endpoint.</param>
/// <param name="BlobEndpoint">The Blob service endpoint.</param>
/// <param name="SharedKey">The account key credential, for Shared Key.</param>
/// <param name="Token">The token credential, for Entra ID.</param>
public sealed record StorageAccount(Uri TableEndpoint, Uri BlobEndpoint, StorageSharedKeyCredential? SharedKey, TokenCredential? Token)
{
    /// <summary>Resolves the account from options: connection string, endpoints with key or Entra ID, or the embedded Azurite.</summary>
    /// <param name="options">The storage options.</param>
    /// <returns>The account.</returns>
    public static StorageAccount From(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var parsed = StorageConnectionString.Parse(options.ConnectionString);
            return new StorageAccount(parsed.TableEndpoint, parsed.BlobEndpoint, parsed.Credential, null);
        }

        if (options.TableEndpoint is { } table && options.BlobEndpoint is { } blob)
        {
            if (options.Authentication == StorageAuthentication.SharedKey)
            {
                var name = options.AccountName ?? table.Host.Split('.')[0];
                return new StorageAccount(table, blob, new StorageSharedKeyCredential(name, options.AccountKey!), null);
            }

            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            return new StorageAccount(table, blob, null, credential);
        }

        // The embedded default: the Azurite started by AzuriteHostedService on the configured ports.
        return new StorageAccount(
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.AzuriteTablePort}/{StorageSharedKeyCredential.DevelopmentAccountName}")),
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.AzuriteBlobPort}/{StorageSharedKeyCredential.DevelopmentAccountName}")),
            AzuriteLauncher.Credential,
            null);
    }
}
