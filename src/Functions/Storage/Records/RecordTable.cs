using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using TicketFlow.Functions.Storage.Tables;
using TicketFlow.Workflow;

namespace TicketFlow.Functions.Storage.Records;

/// <summary>
/// One Azure table of domain records: each entity holds the record as JSON in <c>Data</c>, under keys the repository
/// chooses (always built with <see cref="TableKeys"/>), plus a few plain columns the repository filters on. The table
/// is created on first use.
/// </summary>
internal sealed class RecordTable(TableServiceClient service, string name)
{
    internal static readonly JsonSerializerOptions Json = CreateJson();

    private static readonly ConcurrentDictionary<string, Task> Created = new(StringComparer.Ordinal);

    /// <summary>The table's name.</summary>
    public string Name { get; } = name;

    public async Task<T?> GetAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class
    {
        var client = await ClientAsync(cancellationToken);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? Read<T>(response.Value!) : null;
    }

    /// <summary>Inserts a record; a taken key raises <see cref="RecordAlreadyExistsException"/> and writes nothing.</summary>
    public async Task AddAsync<T>(string partitionKey, string rowKey, T record, string what, CancellationToken cancellationToken, params (string Name, object? Value)[] columns)
    {
        var client = await ClientAsync(cancellationToken);
        try
        {
            await client.AddEntityAsync(Entity(partitionKey, rowKey, record, columns), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new RecordAlreadyExistsException($"{what} already exists.", e);
        }
    }

    /// <summary>Inserts or replaces a record.</summary>
    public async Task UpsertAsync<T>(string partitionKey, string rowKey, T record, CancellationToken cancellationToken, params (string Name, object? Value)[] columns)
    {
        var client = await ClientAsync(cancellationToken);
        await client.UpsertEntityAsync(Entity(partitionKey, rowKey, record, columns), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every record matching an OData filter, across continuation pages.</summary>
    public async Task<List<T>> QueryAsync<T>(string filter, CancellationToken cancellationToken)
        where T : class
    {
        var client = await ClientAsync(cancellationToken);
        var records = new List<T>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            records.Add(Read<T>(entity));
        }

        return records;
    }

    /// <summary>Deletes every entity matching a filter; deleting what is already gone is not an error.</summary>
    public async Task<int> DeleteWhereAsync(string filter, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken);
        var keys = new List<(string, string)>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        var deleted = 0;
        foreach (var (partitionKey, rowKey) in keys)
        {
            deleted += await DeleteAsync(partitionKey, rowKey, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(cancellationToken);
        try
        {
            await client.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>A filter for one partition's rows whose key starts with <paramref name="rowPrefix"/>.</summary>
    public static string RowsStartingWith(string partitionKey, string rowPrefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {rowPrefix} and RowKey lt {rowPrefix + '\uffff'}");

    private Task<TableClient> ClientAsync(CancellationToken cancellationToken)
    {
        var client = service.GetTableClient(Name);
        var created = Created.GetOrAdd($"{service.Endpoint}|{Name}", _ => client.CreateIfNotExistsAsync(CancellationToken.None));
        return created.IsCompletedSuccessfully ? Task.FromResult(client) : AwaitCreated(created, client, cancellationToken);
    }

    private async Task<TableClient> AwaitCreated(Task created, TableClient client, CancellationToken cancellationToken)
    {
        try
        {
            await created.WaitAsync(cancellationToken);
        }
        catch (RequestFailedException)
        {
            // A failed creation is retried by the next caller rather than remembered.
            Created.TryRemove($"{service.Endpoint}|{Name}", out _);
            throw;
        }

        return client;
    }

    private static TableEntity Entity<T>(string partitionKey, string rowKey, T record, (string Name, object? Value)[] columns)
    {
        var entity = new TableEntity(partitionKey, rowKey) { ["Data"] = JsonSerializer.Serialize(record, Json) };
        foreach (var (column, value) in columns)
        {
            entity[column] = value;
        }

        return entity;
    }

    private static T Read<T>(TableEntity entity) =>
        JsonSerializer.Deserialize<T>(entity.GetString("Data") ?? "null", Json)
            ?? throw new InvalidOperationException($"The entity {entity.PartitionKey}/{entity.RowKey} holds no record.");

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
