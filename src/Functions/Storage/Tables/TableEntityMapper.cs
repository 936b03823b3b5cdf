using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using Azure;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>
/// Maps typed entities to and from the service's property types (Edm: String, Boolean, Int32, Int64, Double,
/// DateTime, Guid, Binary). Every public read-write property of an <see cref="ITableEntity"/> class is stored,
/// except those marked <see cref="IgnoreDataMemberAttribute"/>. Types the service lacks are stored as sortable
/// strings: enums by name, DateOnly as yyyy-MM-dd (so row keys and filters compare dates as text), TimeSpan in
/// the constant ("c") format, decimal in invariant culture. DateTime is stored as UTC.
/// </summary>
public static class TableEntityMapper
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesByType = new();

    private static readonly HashSet<string> SystemProperties =
        new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "ETag", "odata.etag" };

    /// <summary>The entity's custom properties as Edm values (no keys, timestamp or ETag).</summary>
    /// <param name="entity">A <see cref="TableEntity"/> or a typed entity.</param>
    /// <returns>Property name to a value of an Edm type.</returns>
    /// <exception cref="NotSupportedException">A property has a type that cannot be stored.</exception>
    public static IReadOnlyDictionary<string, object?> ToEdmProperties(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (entity is TableEntity dynamicEntity)
        {
            foreach (var (name, value) in dynamicEntity)
            {
                if (!SystemProperties.Contains(name))
                {
                    result[name] = ToEdmValue(value, name);
                }
            }

            return result;
        }

        foreach (var property in PropertiesOf(entity.GetType()))
        {
            result[property.Name] = ToEdmValue(property.GetValue(entity), property.Name);
        }

        return result;
    }

    /// <summary>Creates a <typeparamref name="T"/> from stored keys, metadata and Edm property values.</summary>
    /// <typeparam name="T">A <see cref="TableEntity"/> or a class with a parameterless constructor.</typeparam>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="timestamp">The service timestamp.</param>
    /// <param name="etag">The entity's ETag.</param>
    /// <param name="properties">The stored custom properties; properties the type lacks are ignored.</param>
    /// <returns>The entity.</returns>
    public static T FromEdmProperties<T>(
        string partitionKey,
        string rowKey,
        DateTimeOffset? timestamp,
        ETag etag,
        IReadOnlyDictionary<string, object?> properties)
        where T : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(properties);
        var entity = new T { PartitionKey = partitionKey, RowKey = rowKey, Timestamp = timestamp, ETag = etag };
        if (entity is TableEntity dynamicEntity)
        {
            foreach (var (name, value) in properties)
            {
                dynamicEntity[name] = value;
            }

            return entity;
        }

        foreach (var property in PropertiesOf(typeof(T)))
        {
            if (properties.TryGetValue(property.Name, out var value))
            {
                property.SetValue(entity, value is null ? null : ConvertFromEdm(value, property.PropertyType, property.Name));
            }
        }

        return entity;
    }

    /// <summary>Converts a CLR value to the Edm value stored for it.</summary>
    /// <param name="value">The value.</param>
    /// <param name="propertyName">The property name, for the error message.</param>
    /// <returns>A string, bool, int, long, double, DateTimeOffset, Guid, byte[] or null.</returns>
    /// <exception cref="NotSupportedException">The type cannot be stored.</exception>
    public static object? ToEdmValue(object? value, string propertyName) => value switch
    {
        null => null,
        string or bool or int or long or double or Guid or byte[] => value,
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime()),
        float f => (double)f,
        short or byte => Convert.ToInt32(value, CultureInfo.InvariantCulture),
        uint u => (long)u,
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        BinaryData b => b.ToArray(),
        _ => throw new NotSupportedException(
            $"Property '{propertyName}' has type {value.GetType().Name}, which Azure Table Storage cannot store. " +
            "Use string, bool, int, long, double, DateTimeOffset, DateTime, DateOnly, TimeSpan, decimal, Guid, byte[] or an enum, " +
            "or mark it [IgnoreDataMember]."),
    };

    /// <summary>Converts a stored Edm value to <paramref name="targetType"/>.</summary>
    /// <param name="value">The stored value.</param>
    /// <param name="targetType">The CLR type wanted (nullable allowed).</param>
    /// <param name="propertyName">The property name, for the error message.</param>
    /// <returns>The converted value.</returns>
    /// <exception cref="InvalidCastException">The stored value cannot become the wanted type.</exception>
    public static object? ConvertFromEdm(object value, Type targetType, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(targetType);
        var type = Nullable.GetUnderlyingType(targetType) ?? targetType;
        try
        {
            if (type.IsInstanceOfType(value))
            {
                return value;
            }

            if (type.IsEnum)
            {
                return Enum.Parse(type, Convert.ToString(value, CultureInfo.InvariantCulture)!);
            }

            return type switch
            {
                _ when type == typeof(string) => Convert.ToString(value, CultureInfo.InvariantCulture),
                _ when type == typeof(DateOnly) => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ when type == typeof(TimeSpan) => TimeSpan.ParseExact((string)value, "c", CultureInfo.InvariantCulture),
                _ when type == typeof(decimal) => value is string s ? decimal.Parse(s, CultureInfo.InvariantCulture) : Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                _ when type == typeof(DateTime) => ((DateTimeOffset)value).UtcDateTime,
                _ when type == typeof(DateTimeOffset) && value is DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
                _ when type == typeof(Guid) && value is string g => Guid.Parse(g),
                _ when type == typeof(BinaryData) => new BinaryData((byte[])value),
                _ => Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new InvalidCastException(
                $"Stored property '{propertyName}' ({value.GetType().Name}) cannot be read as {type.Name}.", e);
        }
    }

    private static PropertyInfo[] PropertiesOf(Type type) => PropertiesByType.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
        .Where(p => !SystemProperties.Contains(p.Name))
        .Where(p => p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
        .ToArray());
}
