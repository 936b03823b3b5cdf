using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>
/// An entity with any set of properties, held in a dictionary (Azure.Data.Tables' <c>TableEntity</c>). Values are
/// string, bool, int, long, double, DateTimeOffset, Guid or byte[] (other values are converted as
/// <see cref="TableEntityMapper"/> converts them).
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "The name matches Azure.Data.Tables' TableEntity, so swapping the official package in is a using change.")]
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an empty entity; set the keys before writing it.</summary>
    public TableEntity()
    {
        PartitionKey = string.Empty;
        RowKey = string.Empty;
    }

    /// <summary>Creates an entity with its keys.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <inheritdoc />
    public string PartitionKey { get; set; }

    /// <inheritdoc />
    public string RowKey { get; set; }

    /// <inheritdoc />
    public DateTimeOffset? Timestamp { get; set; }

    /// <inheritdoc />
    public ETag ETag { get; set; }

    /// <summary>The number of custom properties.</summary>
    public int Count => _properties.Count;

    /// <summary>The custom property names.</summary>
    public ICollection<string> Keys => _properties.Keys;

    /// <summary>The custom property values.</summary>
    public ICollection<object?> Values => _properties.Values;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    /// <summary>Gets or sets a custom property; getting a missing one returns null.</summary>
    /// <param name="key">The property name.</param>
    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value;
    }

    /// <summary>The property as a string, or null when missing.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value.</returns>
    public string? GetString(string key) => (string?)Get(key, typeof(string));

    /// <summary>The property as an Int32, or null when missing.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value.</returns>
    public int? GetInt32(string key) => (int?)Get(key, typeof(int));

    /// <summary>The property as an Int64, or null when missing.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value.</returns>
    public long? GetInt64(string key) => (long?)Get(key, typeof(long));

    /// <summary>The property as a double, or null when missing.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value.</returns>
    public double? GetDouble(string key) => (double?)Get(key, typeof(double));

    /// <summary>The property as a bool, or null when missing.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value.</returns>
    public bool? GetBoolean(string key) => (bool?)Get(key, typeof(bool));

    /// <summary>The property as a DateTimeOffset, or null when missing.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value.</returns>
    public DateTimeOffset? GetDateTimeOffset(string key) => (DateTimeOffset?)Get(key, typeof(DateTimeOffset));

    /// <summary>The property as a Guid, or null when missing.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value.</returns>
    public Guid? GetGuid(string key) => (Guid?)Get(key, typeof(Guid));

    /// <summary>The property as bytes, or null when missing.</summary>
    /// <param name="key">The property name.</param>
    /// <returns>The value.</returns>
    public byte[]? GetBinary(string key) => (byte[]?)Get(key, typeof(byte[]));

    /// <inheritdoc />
    public void Add(string key, object? value) => _properties.Add(key, value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc />
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    /// <inheritdoc />
    public void Clear() => _properties.Clear();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    // Missing and null properties read as null (not as 0 or false).
    private object? Get(string key, Type type) =>
        _properties.TryGetValue(key, out var value) && value is not null ? TableEntityMapper.ConvertFromEdm(value, type, key) : null;
}
