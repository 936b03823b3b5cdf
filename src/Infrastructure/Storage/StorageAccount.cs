using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace TicketFlow.Infrastructure.Storage;

/// <summary>
/// The resolved account, and the SDK clients for it: a connection string (Azurite, key-based accounts), endpoints with
/// an account key, or endpoints with a Microsoft Entra ID token credential. The SDKs parse connection strings and sign
/// or authorize every request; nothing here does.
/// </summary>
/// <param name="TableEndpoint">The Table service endpoint.</param>
/// <param name="BlobEndpoint">The Blob service endpoint.</param>
/// <param name="ConnectionString">The connection string, when the account is given by one (a secret: never logged).</param>
/// <param name="AccountName">The account name, for an account key with endpoints.</param>
/// <param name="AccountKey">The account key, for an account key with endpoints (a secret: never logged).</param>
/// <param name="Token">The token credential, for Entra ID.</param>
public sealed record StorageAccount(Uri TableEndpoint, Uri BlobEndpoint, string? ConnectionString, string? AccountName, string? AccountKey, TokenCredential? Token)
{
    /// <summary>How requests are authorized, for the log: SharedKey (connection string or account key) or EntraId.</summary>
    public string Authentication => Token is null ? "SharedKey" : "EntraId";

    /// <summary>Resolves the account from options: connection string, endpoints with key or Entra ID, or the embedded Azurite.</summary>
    /// <param name="options">The storage options (already validated).</param>
    /// <returns>The account.</returns>
    public static StorageAccount From(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return FromConnectionString(options.ConnectionString);
        }

        if (options.TableEndpoint is { } table && options.BlobEndpoint is { } blob)
        {
            if (options.Authentication == StorageAuthentication.SharedKey)
            {
                return new StorageAccount(table, blob, null, options.AccountName ?? table.Host.Split('.')[0], options.AccountKey, null);
            }

            // In Azure the managed identity answers (the user-assigned one when its client id is given); on a
            // developer's machine, their Azure CLI or Visual Studio sign-in.
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            return new StorageAccount(table, blob, null, null, null, credential);
        }

        // The embedded default: the Azurite started by AzuriteHostedService on the configured ports.
        return FromConnectionString(AzuriteLauncher.DevelopmentConnectionString(
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.AzuriteTablePort}/{AzuriteLauncher.DevelopmentAccountName}")),
            new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.AzuriteBlobPort}/{AzuriteLauncher.DevelopmentAccountName}"))));
    }

    /// <summary>The account a connection string names, with the endpoints the SDKs read from it.</summary>
    /// <param name="connectionString">A storage connection string.</param>
    /// <returns>The account.</returns>
    /// <exception cref="FormatException">The SDKs cannot read the connection string.</exception>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            var table = new TableServiceClient(connectionString);
            var blob = new BlobServiceClient(connectionString);
            return new StorageAccount(table.Uri, blob.Uri, connectionString, table.AccountName, null, null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or UriFormatException or FormatException or NullReferenceException)
        {
            throw new FormatException($"Not a storage connection string with AccountName and AccountKey (or UseDevelopmentStorage=true): {e.Message}", e);
        }
    }

    /// <summary>The Table service client for this account.</summary>
    /// <param name="options">The SDK options (retries, diagnostics).</param>
    /// <returns>The client.</returns>
    public TableServiceClient CreateTableServiceClient(TableClientOptions options) =>
        ConnectionString is not null ? new TableServiceClient(ConnectionString, options)
        : Token is not null ? new TableServiceClient(TableEndpoint, Token, options)
        : new TableServiceClient(TableEndpoint, new TableSharedKeyCredential(AccountName!, AccountKey!), options);

    /// <summary>The Blob service client for this account.</summary>
    /// <param name="options">The SDK options (service version, retries, diagnostics).</param>
    /// <returns>The client.</returns>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions options) =>
        ConnectionString is not null ? new BlobServiceClient(ConnectionString, options)
        : Token is not null ? new BlobServiceClient(BlobEndpoint, Token, options)
        : new BlobServiceClient(BlobEndpoint, new StorageSharedKeyCredential(AccountName!, AccountKey!), options);
}
