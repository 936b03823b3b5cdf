using Azure;
using Azure.Core;
using TicketFlow.Functions.Storage.Auth;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>
/// The Table service of one storage account: hands out <see cref="TableClient"/>s that share one pipeline, and
/// creates or deletes tables. Shaped like Azure.Data.Tables' <c>TableServiceClient</c>.
/// </summary>
public class TableServiceClient
{
    private readonly StoragePipeline _pipeline;

    /// <summary>Creates a client that signs requests with the account key (Shared Key).</summary>
    /// <param name="endpoint">The Table service endpoint.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Pipeline options; null for the defaults.</param>
    public TableServiceClient(Uri endpoint, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _pipeline = StoragePipeline.Create(StorageService.Table, TableClient.ServiceVersion, credential, null, options);
    }

    /// <summary>Creates a client that authenticates with Microsoft Entra ID (e.g. a managed identity).</summary>
    /// <param name="endpoint">The Table service endpoint (https).</param>
    /// <param name="credential">The token credential.</param>
    /// <param name="options">Pipeline options; null for the defaults.</param>
    public TableServiceClient(Uri endpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _pipeline = StoragePipeline.Create(StorageService.Table, TableClient.ServiceVersion, null, credential, options);
    }

    /// <summary>The service endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>A client for one table (no request is sent).</summary>
    /// <param name="tableName">3-63 letters or digits, starting with a letter.</param>
    /// <returns>The table client.</returns>
    public virtual TableClient GetTableClient(string tableName) => new(Endpoint, tableName, _pipeline);

    /// <summary>Creates a table unless it exists.</summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service response.</returns>
    public virtual Task<Response> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes a table and every entity in it.</summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service response.</returns>
    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);
}
