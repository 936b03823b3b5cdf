using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>
/// One Azure table of domain records: each entity holds the record as JSON under keys the repository chooses (always
/// built with <see cref="TableKeys"/>), plus a few plain columns the repository filters on. The table is created on
/// first use.
/// </summary>
/// <remarks>
/// Where the JSON goes is decided by its measured size after serialization (<see cref="TableEntityLimits.MeasuredBytes"/>),
/// so a record always fits the service's limits (32K characters per string property, 1 MiB per entity):
/// <list type="bullet">
/// <item>up to 32K characters: one <c>Data</c> property (nearly every record);</item>
/// <item>a larger record whose entity still measures at most <see cref="InlineBudgetBytes"/>: split into
/// <c>Data</c>, <c>Data1</c>... of 32K characters each, with their count in <c>DataParts</c>;</item>
/// <item>anything larger: the JSON is a blob in the record container, named
/// <c>{table}/{hash of partition key}/{hash of row key}/{MD5 of the JSON}</c>, and the entity keeps its name in
/// <c>DataBlob</c> and its MD5 in <c>DataMd5</c>, checked when it is read.</item>
/// </list>
/// The blob is written before the entity, and its name is its content: a failure in between leaves at most an unused
/// blob, never an entity pointing at missing or different content. A replaced large record leaves its older blob
/// under the entity's prefix (concurrent writers could otherwise delete each other's content); deleting the record
/// deletes every blob under that prefix.
/// </remarks>
internal sealed class RecordTable(TableServiceClient service, BlobContainerClient overflow, string name)
{
    /// <summary>The largest entity kept inline; above it the JSON goes to a blob. Leaves room under 1 MiB for the system properties.</summary>
    public const int InlineBudgetBytes = TableEntityLimits.MaxEntityBytes - (16 * 1024);

    internal static readonly JsonSerializerOptions Json = CreateJson();

    private const string DataProperty = "Data";
    private const string PartsProperty = "DataParts";
    private const string BlobProperty = "DataBlob";
    private const string Md5Property = "DataMd5";

    private static readonly ConcurrentDictionary<string, Task> Created = new(StringComparer.Ordinal);

    // One client per table for the life of the host: the SDK's clients are thread-safe and share the service's pipeline.
    private readonly TableClient _client = service.GetTableClient(name);
    private readonly string _createdKey = $"{service.Uri}|{name}";

    /// <summary>The table's name.</summary>
    public string Name { get; } = name;

    public async Task<T?> GetAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class =>
        (await GetWithETagAsync<T>(partitionKey, rowKey, cancellationToken).ConfigureAwait(false))?.Record;

    /// <summary>A record and the ETag of the entity holding it, for an optimistic update (<see cref="UpdateAsync"/>).</summary>
    public async Task<(T Record, ETag ETag)?> GetWithETagAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class
    {
        Keys(partitionKey, rowKey);
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? (await ReadAsync<T>(response.Value!, cancellationToken).ConfigureAwait(false), response.Value!.ETag) : null;
    }

    /// <summary>Inserts a record; a taken key raises <see cref="RecordAlreadyExistsException"/> and writes nothing.</summary>
    public async Task AddAsync<T>(string partitionKey, string rowKey, T record, string what, CancellationToken cancellationToken, params (string Name, object? Value)[] columns)
    {
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var entity = await EntityAsync(partitionKey, rowKey, record, columns, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new RecordAlreadyExistsException($"{what} already exists.", e);
        }
    }

    /// <summary>Inserts or replaces a record.</summary>
    public async Task UpsertAsync<T>(string partitionKey, string rowKey, T record, CancellationToken cancellationToken, params (string Name, object? Value)[] columns)
    {
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var entity = await EntityAsync(partitionKey, rowKey, record, columns, cancellationToken).ConfigureAwait(false);
        await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts or replaces many records with as few requests as the service allows: each partition's in entity group
    /// transactions (all of a transaction or none; one when they fit in 100 rows and 4 MiB; a lone record is a plain
    /// upsert). Where a row appears twice,
    /// the later record wins, as writing them in order would.
    /// </summary>
    public async Task UpsertManyAsync<T>(IEnumerable<RecordRow<T>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var latest = new Dictionary<(string, string), RecordRow<T>>();
        foreach (var row in rows)
        {
            latest[(row.PartitionKey, row.RowKey)] = row;
        }

        if (latest.Count == 0)
        {
            return;
        }

        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var entities = new List<ITableEntity>(latest.Count);
        foreach (var row in latest.Values)
        {
            entities.Add(await EntityAsync(row.PartitionKey, row.RowKey, row.Record, row.Columns, cancellationToken).ConfigureAwait(false));
        }

        await client.UpsertManyAsync(entities, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces a record only if its entity still has <paramref name="etag"/> (If-Match): false, and nothing written,
    /// when someone else changed or deleted it since it was read.
    /// </summary>
    public async Task<bool> UpdateAsync<T>(string partitionKey, string rowKey, T record, ETag etag, CancellationToken cancellationToken, params (string Name, object? Value)[] columns)
    {
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var entity = await EntityAsync(partitionKey, rowKey, record, columns, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Every record matching an OData filter, across continuation pages.</summary>
    public async Task<List<T>> QueryAsync<T>(string filter, CancellationToken cancellationToken)
        where T : class
    {
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<T>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(await ReadAsync<T>(entity, cancellationToken).ConfigureAwait(false));
        }

        return records;
    }

    /// <summary>
    /// Deletes every entity matching a filter, in transactions of up to 100 rows of one partition, and the blobs of
    /// the large ones; deleting what is already gone is not an error.
    /// </summary>
    public async Task<int> DeleteWhereAsync(string filter, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<(string PartitionKey, string RowKey)>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        var deleted = 0;
        foreach (var partition in keys.GroupBy(k => k.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TableBatchWriter.MaxActions))
            {
                try
                {
                    await client.DeleteManyAsync(chunk, cancellationToken).ConfigureAwait(false);
                    deleted += chunk.Length;
                }
                catch (TableTransactionFailedException e) when (e.Status == 404)
                {
                    // One row went in the meantime, which fails the whole transaction: delete them one by one.
                    foreach (var (partitionKey, rowKey) in chunk)
                    {
                        deleted += await DeleteEntityAsync(client, partitionKey, rowKey, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                    }
                }
            }

            var rows = partition.Select(k => Hash(k.RowKey)).ToHashSet(StringComparer.Ordinal);
            await DeleteBlobsAsync(BlobPrefix(partition.Key), blobName => rows.Contains(blobName.Split('/')[2]), cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        Keys(partitionKey, rowKey);
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await DeleteEntityAsync(client, partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
        await DeleteBlobsAsync(BlobPrefix(partitionKey, rowKey), _ => true, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>A filter for one partition's rows whose key starts with <paramref name="rowPrefix"/>.</summary>
    public static string RowsStartingWith(string partitionKey, string rowPrefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {rowPrefix} and RowKey lt {rowPrefix + '\uffff'}");

    private static async Task<bool> DeleteEntityAsync(TableClient client, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private async Task<TableEntity> EntityAsync<T>(string partitionKey, string rowKey, T record, (string Name, object? Value)[] columns, CancellationToken cancellationToken)
    {
        Keys(partitionKey, rowKey);
        var json = JsonSerializer.Serialize(record, Json);
        var entity = new TableEntity(partitionKey, rowKey);
        foreach (var (column, value) in columns)
        {
            entity[column] = value;
        }

        if (json.Length <= TableEntityLimits.MaxStringChars)
        {
            entity[DataProperty] = json;
            if (TableEntityLimits.FitsWithoutMeasuring(entity, InlineBudgetBytes) || TableEntityLimits.MeasuredBytes(entity) <= InlineBudgetBytes)
            {
                return entity;
            }
        }
        else
        {
            var parts = Split(json);
            for (var i = 0; i < parts.Count; i++)
            {
                entity[i == 0 ? DataProperty : DataProperty + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = parts[i];
            }

            entity[PartsProperty] = parts.Count;
            if (parts.Count <= TableEntityLimits.MaxCustomProperties - columns.Length - 1 && TableEntityLimits.MeasuredBytes(entity) <= InlineBudgetBytes)
            {
                return entity;
            }
        }

        var large = new TableEntity(partitionKey, rowKey);
        foreach (var (column, value) in columns)
        {
            large[column] = value;
        }

        var content = Encoding.UTF8.GetBytes(json);
#pragma warning disable CA5351 // The Blob service's Content-MD5 is MD5 by protocol; it guards integrity, not secrecy.
        var md5 = MD5.HashData(content);
#pragma warning restore CA5351
        var blobName = BlobPrefix(partitionKey, rowKey) + Convert.ToHexStringLower(md5);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await overflow.GetBlobClient(blobName).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentHash = md5 } },
            cancellationToken).ConfigureAwait(false);
        large[BlobProperty] = blobName;
        large[Md5Property] = Convert.ToBase64String(md5);
        TableEntityLimits.Validate(large);
        return large;
    }

    private async Task<T> ReadAsync<T>(TableEntity entity, CancellationToken cancellationToken)
    {
        string json;
        if (entity.GetString(BlobProperty) is { } blobName)
        {
            var content = (await overflow.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToArray();
#pragma warning disable CA5351 // See EntityAsync: MD5 is the integrity check the Blob service uses.
            var actual = Convert.ToBase64String(MD5.HashData(content));
#pragma warning restore CA5351
            if (actual != entity.GetString(Md5Property))
            {
                throw new InvalidOperationException($"The record {entity.PartitionKey}/{entity.RowKey} in {Name} does not match the MD5 kept with it (blob {blobName}); it may be corrupt.");
            }

            json = Encoding.UTF8.GetString(content);
        }
        else if (entity.GetInt32(PartsProperty) is { } parts)
        {
            var sb = new StringBuilder(parts * TableEntityLimits.MaxStringChars);
            for (var i = 0; i < parts; i++)
            {
                sb.Append(entity.GetString(i == 0 ? DataProperty : DataProperty + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            json = sb.ToString();
        }
        else
        {
            json = entity.GetString(DataProperty) ?? "null";
        }

        return JsonSerializer.Deserialize<T>(json, Json)
            ?? throw new InvalidOperationException($"The entity {entity.PartitionKey}/{entity.RowKey} holds no record.");
    }

    /// <summary>Splits text into parts of at most 32K characters without separating a surrogate pair.</summary>
    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var length = Math.Min(TableEntityLimits.MaxStringChars, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            parts.Add(text.Substring(start, length));
            start += length;
        }

        return parts;
    }

    private async Task DeleteBlobsAsync(string prefix, Func<string, bool> which, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var blob in overflow.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
            {
                if (which(blob.Name))
                {
                    await overflow.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No large record was ever written: the container does not exist.
        }
    }

    // Hashes make blob names of any key (keys may hold characters blob names treat specially) and keep them short.
    private string BlobPrefix(string partitionKey) => $"{Name}/{Hash(partitionKey)}/";

    private string BlobPrefix(string partitionKey, string rowKey) => $"{BlobPrefix(partitionKey)}{Hash(rowKey)}/";

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    // Keys are refused before any request when the service would refuse them (TableKeys builds them escaped).
    private static void Keys(string partitionKey, string rowKey)
    {
        TableKeys.Validate(partitionKey, "PartitionKey");
        TableKeys.Validate(rowKey, "RowKey");
    }

    private Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        OnceAsync($"{overflow.Uri}", () => overflow.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None), cancellationToken);

    private async ValueTask<TableClient> ClientAsync(CancellationToken cancellationToken)
    {
        await OnceAsync(_createdKey, () => _client.CreateIfNotExistsAsync(CancellationToken.None), cancellationToken).ConfigureAwait(false);
        return _client;
    }

    private static Task OnceAsync(string key, Func<Task> create, CancellationToken cancellationToken)
    {
        var created = Created.GetOrAdd(key, _ => create());
        return created.IsCompletedSuccessfully ? Task.CompletedTask : AwaitCreated(key, created, cancellationToken);
    }

    private static async Task AwaitCreated(string key, Task created, CancellationToken cancellationToken)
    {
        try
        {
            await created.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed creation is retried by the next caller rather than remembered.
            Created.TryRemove(key, out _);
            throw;
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
