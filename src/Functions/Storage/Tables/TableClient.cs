using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using TicketFlow.Functions.Storage.Auth;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>
/// One table of Azure Table Storage (or Azurite): entity reads and writes, queries with continuation paging and
/// entity group transactions. Shaped like Azure.Data.Tables' <c>TableClient</c>; every call goes through the
/// Azure.Core pipeline (retries, logging, <see cref="RequestFailedException"/> on an error status).
/// </summary>
public class TableClient
{
    /// <summary>The Table service REST version these clients speak.</summary>
    public const string ServiceVersion = "2019-02-02";

    private const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";

    private readonly StoragePipeline _pipeline;
    private readonly Uri _tableUri;

    /// <summary>Creates a client that signs requests with the account key (Shared Key).</summary>
    /// <param name="endpoint">The Table service endpoint, e.g. https://account.table.core.windows.net or http://127.0.0.1:10002/devstoreaccount1.</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Pipeline options; null for the defaults.</param>
    public TableClient(Uri endpoint, string tableName, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
        : this(endpoint, tableName, StoragePipeline.Create(StorageService.Table, ServiceVersion, credential ?? throw new ArgumentNullException(nameof(credential)), null, options))
    {
    }

    /// <summary>Creates a client that authenticates with Microsoft Entra ID (e.g. a managed identity).</summary>
    /// <param name="endpoint">The Table service endpoint (https).</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="credential">The token credential, e.g. Azure.Identity's DefaultAzureCredential.</param>
    /// <param name="options">Pipeline options; null for the defaults.</param>
    public TableClient(Uri endpoint, string tableName, TokenCredential credential, StorageClientOptions? options = null)
        : this(endpoint, tableName, StoragePipeline.Create(StorageService.Table, ServiceVersion, null, credential ?? throw new ArgumentNullException(nameof(credential)), options))
    {
    }

    internal TableClient(Uri endpoint, string tableName, StoragePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ValidateTableName(tableName);
        Name = tableName;
        Endpoint = endpoint;
        _pipeline = pipeline;
        _tableUri = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + tableName);
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The service endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The table's address.</summary>
    public Uri Uri => _tableUri;

    /// <summary>
    /// Builds an OData filter, quoting each interpolated value for its type (strings with doubled quotes,
    /// datetime'…', guid'…', 123L, X'…'), so that user input cannot change the query.
    /// </summary>
    /// <param name="filter">E.g. <c>$"PartitionKey eq {ticketId} and DueDate ge {from}"</c>.</param>
    /// <returns>The filter text.</returns>
    public static string CreateQueryFilter(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(FormatFilterValue).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>Creates the table unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service response (201 created, or 409 already existed).</returns>
    public virtual async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Post, new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/Tables"));
        message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        await _pipeline.Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.Status == 409)
        {
            return message.Response; // TableAlreadyExists: the outcome the caller asked for.
        }

        return message.Response.IsError ? throw StorageErrorParser.Exception(message.Response) : message.Response;
    }

    /// <summary>Deletes the table and every entity in it.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service response.</returns>
    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(
            RequestMethod.Delete,
            new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/Tables('" + Uri.EscapeDataString(Name) + "')"));
        message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts an entity; fails with 409 (EntityAlreadyExists) if its keys are taken.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="entity">The entity.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its ETag header is the new version.</returns>
    public virtual async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var body = TableEntityJson.Serialize(entity);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, _tableUri);
        SetEntityHeaders(message.Request, body);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts the entity, or merges into / replaces the stored one, with no version check.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="entity">The entity.</param>
    /// <param name="mode">Merge keeps stored properties the entity does not name; Replace drops them.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its ETag header is the new version.</returns>
    public virtual Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity =>
        WriteEntityAsync(entity, mode, ifMatch: null, cancellationToken);

    /// <summary>
    /// Updates a stored entity only if it still has version <paramref name="ifMatch"/>; another writer's change in
    /// between makes this fail with 412 (UpdateConditionNotSatisfied). Pass <see cref="ETag.All"/> to skip the check.
    /// </summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="entity">The entity.</param>
    /// <param name="ifMatch">The version read earlier, or <see cref="ETag.All"/>.</param>
    /// <param name="mode">Merge or Replace.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its ETag header is the new version.</returns>
    public virtual Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("UpdateEntityAsync needs the ETag read earlier, or ETag.All to overwrite any version.", nameof(ifMatch));
        }

        return WriteEntityAsync(entity, mode, ifMatch, cancellationToken);
    }

    /// <summary>Deletes an entity; with an ETag, only that version. A missing entity is not an error.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="ifMatch">The version that must still be stored; default deletes any version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response (204, or 404 when there was nothing to delete).</returns>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, EntityUri(_tableUri, partitionKey, rowKey));
        message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString("H"));
        await _pipeline.Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.Status == 404)
        {
            return message.Response;
        }

        return message.Response.IsError ? throw StorageErrorParser.Exception(message.Response) : message.Response;
    }

    /// <summary>Reads one entity; a missing entity throws <see cref="RequestFailedException"/> with status 404.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">Only these properties; null for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entity, with its ETag.</returns>
    public virtual async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var result = await GetEntityIfExistsAsync<T>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        var response = result.GetRawResponse();
        return result.HasValue ? Response.FromValue<T>(result.Value!, response) : throw StorageErrorParser.Exception(response);
    }

    /// <summary>Reads one entity if it exists.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">Only these properties; null for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A response whose HasValue is false when there is no such entity.</returns>
    public virtual async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var uri = EntityUri(_tableUri, partitionKey, rowKey);
        if (select is not null)
        {
            uri = new Uri(uri.AbsoluteUri + "?$select=" + Uri.EscapeDataString(string.Join(',', select)));
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, uri);
        message.Request.Headers.SetValue("Accept", JsonMinimalMetadata);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        await _pipeline.Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status == 404)
        {
            return new ValueNullableResponse<T>(null, response);
        }

        if (response.IsError)
        {
            throw StorageErrorParser.Exception(response);
        }

        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJson.Deserialize<T>(doc.RootElement);
        if (entity.ETag == default && response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return new ValueNullableResponse<T>(entity, response);
    }

    /// <summary>
    /// Queries entities, page by page; the service returns at most 1,000 per page and continues with
    /// x-ms-continuation-NextPartitionKey / NextRowKey, which this follows. Build filters with <see cref="CreateQueryFilter"/>.
    /// </summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="filter">An OData filter, or null for every entity.</param>
    /// <param name="maxPerPage">Entities per page (1-1,000); null for the service's 1,000.</param>
    /// <param name="select">Only these properties; null for all.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The entities, fetched lazily as they are enumerated.</returns>
    public virtual AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1,000 entities.");
        }

        var selectText = select is null ? null : string.Join(',', select);
        return new DelegatingAsyncPageable<T>(
            (token, pageSize, ct) => QueryPageAsync<T>(filter, pageSize ?? maxPerPage, selectText, token, ct),
            cancellationToken);
    }

    /// <summary>
    /// Applies up to 100 actions on one partition atomically (an entity group transaction): all succeed or none
    /// is applied. Actions are checked (count, one partition, each row once, entity limits, 4 MiB) before sending.
    /// </summary>
    /// <param name="actions">The actions, in order.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One response per action, in order (each with its ETag).</returns>
    /// <exception cref="TableTransactionFailedException">The service refused one action; nothing was applied.</exception>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        var (body, contentType) = TableTransactionBatch.Build(_tableUri, list);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, new Uri(Endpoint.AbsoluteUri.TrimEnd('/') + "/$batch"));
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        message.Request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(TableTransactionBatch.Parse(response, list.Count), response);
    }

    internal static Uri EntityUri(Uri tableUri, string partitionKey, string rowKey)
    {
        TableKeys.Validate(partitionKey, "PartitionKey");
        TableKeys.Validate(rowKey, "RowKey");
        return new Uri(tableUri.AbsoluteUri
            + "(PartitionKey='" + Uri.EscapeDataString(partitionKey.Replace("'", "''", StringComparison.Ordinal))
            + "',RowKey='" + Uri.EscapeDataString(rowKey.Replace("'", "''", StringComparison.Ordinal)) + "')");
    }

    private static void ValidateTableName(string tableName)
    {
        // Table names: 3-63 alphanumeric characters, starting with a letter.
        if (string.IsNullOrEmpty(tableName) || tableName.Length is < 3 or > 63 || !char.IsAsciiLetter(tableName[0]) || !tableName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{tableName}' is not a valid table name: 3-63 letters or digits, starting with a letter.", nameof(tableName));
        }
    }

    private static string FormatFilterValue(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset dto => "datetime'" + dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        DateTime dt => "datetime'" + dt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        DateOnly or TimeSpan or Enum or decimal => FormatFilterValue(TableEntityMapper.ToEdmValue(value, "filter")),
        _ => throw new NotSupportedException($"A filter value of type {value.GetType().Name} cannot be quoted."),
    };

    private static void SetEntityHeaders(Request request, byte[] body)
    {
        request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("Prefer", "return-no-content");
        request.Content = RequestContent.Create(body);
    }

    private async Task<Response> WriteEntityAsync<T>(T entity, TableUpdateMode mode, ETag? ifMatch, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var body = TableEntityJson.Serialize(entity);
        var method = mode == TableUpdateMode.Merge ? new RequestMethod("MERGE") : RequestMethod.Put;
        using var message = _pipeline.CreateMessage(method, EntityUri(_tableUri, entity.PartitionKey, entity.RowKey));
        SetEntityHeaders(message.Request, body);
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString("H"));
        }

        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Page<T>> QueryPageAsync<T>(string? filter, int? top, string? select, string? continuationToken, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var query = new StringBuilder();
        void Add(string name, string value) => query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        if (!string.IsNullOrEmpty(filter))
        {
            Add("$filter", filter);
        }

        if (top is { } t)
        {
            Add("$top", t.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(select))
        {
            Add("$select", select);
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            var parts = continuationToken.Split(' ', 2);
            Add("NextPartitionKey", parts[0]);
            if (parts.Length > 1 && parts[1].Length > 0)
            {
                Add("NextRowKey", parts[1]);
            }
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, new Uri(_tableUri.AbsoluteUri + "()" + query));
        message.Request.Headers.SetValue("Accept", JsonMinimalMetadata);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var values = doc.RootElement.GetProperty("value").EnumerateArray().Select(TableEntityJson.Deserialize<T>).ToList();
        string? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition))
        {
            // The two continuation values travel as one token; neither contains a space.
            next = nextPartition + " " + (response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow) ? nextRow : string.Empty);
        }

        return Page<T>.FromValues(values, next, response);
    }
}
