using Azure.Core;
using TicketFlow.Functions.Storage.Auth;

namespace TicketFlow.Functions.Storage.Blobs;

/// <summary>
/// The Blob service of one storage account; hands out container clients that share one pipeline. Shaped like
/// Azure.Storage.Blobs' <c>BlobServiceClient</c>.
/// </summary>
public class BlobServiceClient
{
    /// <summary>The Blob service REST version these clients speak.</summary>
    public const string ServiceVersion = "2023-11-03";

    private readonly StoragePipeline _pipeline;

    /// <summary>Creates a client that signs requests with the account key (Shared Key).</summary>
    /// <param name="endpoint">The Blob service endpoint, e.g. https://account.blob.core.windows.net or http://127.0.0.1:10000/devstoreaccount1.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Pipeline options; null for the defaults.</param>
    public BlobServiceClient(Uri endpoint, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Uri = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _pipeline = StoragePipeline.Create(StorageService.Blob, ServiceVersion, credential, null, options);
    }

    /// <summary>Creates a client that authenticates with Microsoft Entra ID (e.g. a managed identity).</summary>
    /// <param name="endpoint">The Blob service endpoint (https).</param>
    /// <param name="credential">The token credential.</param>
    /// <param name="options">Pipeline options; null for the defaults.</param>
    public BlobServiceClient(Uri endpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Uri = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _pipeline = StoragePipeline.Create(StorageService.Blob, ServiceVersion, null, credential, options);
    }

    /// <summary>The service endpoint.</summary>
    public Uri Uri { get; }

    /// <summary>A client for one container (no request is sent).</summary>
    /// <param name="containerName">3-63 lowercase letters, digits or hyphens.</param>
    /// <returns>The container client.</returns>
    public virtual BlobContainerClient GetBlobContainerClient(string containerName) => new(Uri, containerName, _pipeline);
}
