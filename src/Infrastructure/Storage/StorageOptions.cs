namespace TicketFlow.Infrastructure.Storage;

/// <summary>
/// Storage settings (configuration section Storage), validated at start. Give either a connection string, or the
/// endpoints with an account key or Entra ID; with none of them, TicketFlow starts Azurite with its data under
/// <see cref="DataFolder"/>.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>A storage connection string (AccountName, AccountKey, endpoints), or UseDevelopmentStorage=true. A secret.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint, e.g. https://account.table.core.windows.net.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>The Blob service endpoint, e.g. https://account.blob.core.windows.net.</summary>
    public Uri? BlobEndpoint { get; set; }

    /// <summary>SharedKey (with <see cref="AccountKey"/>) or EntraId (managed identity).</summary>
    public StorageAuthentication Authentication { get; set; } = StorageAuthentication.EntraId;

    /// <summary>The account name; taken from the endpoint host when not set.</summary>
    public string? AccountName { get; set; }

    /// <summary>The account key for SharedKey authentication. A secret: set it from the environment or a key vault.</summary>
    public string? AccountKey { get; set; }

    /// <summary>The client id of a user-assigned managed identity; null for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Where local data lives (Azurite's files, the email outbox).</summary>
    public string DataFolder { get; set; } = ".data";

    /// <summary>
    /// The TicketFlow checkout whose <c>node_modules/azurite</c> is started; null finds it by walking up from the
    /// application's folder, then from the current directory, to TicketFlow.sln.
    /// </summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>Start Azurite when no account is configured (the embedded default).</summary>
    public bool StartAzuriteWhenNotConfigured { get; set; } = true;

    /// <summary>The Blob port for the embedded Azurite.</summary>
    public int AzuriteBlobPort { get; set; } = 10000;

    /// <summary>The Table port for the embedded Azurite.</summary>
    public int AzuriteTablePort { get; set; } = 10002;

    /// <summary>The container for signed documents.</summary>
    public string DocumentsContainerName { get; set; } = "documents";

    /// <summary>Retries of a failed storage request (Azure.Core exponential back-off).</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first back-off of a storage retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>
    /// Whether the SDKs produce their request and response events (Azure.Core's logging policy). Off by default:
    /// Microsoft.Extensions.Azure listens to the SDKs' event sources at Verbose whatever the log filters say, so every
    /// request built and dispatched events that the host's "Azure" filter (Error) then dropped, at a measured cost
    /// (bench/Storage.Benchmarks). Turn it on, with a lower "Azure" log level, to see each storage request in the log.
    /// </summary>
    public bool SdkRequestLogging { get; set; }

    /// <summary>Whether an account is configured (otherwise Azurite is started, if allowed).</summary>
    public bool IsAccountConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || TableEndpoint is not null || BlobEndpoint is not null;
}
