using System.Globalization;
using System.Text.Json;
using Azure;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>Writes and reads entities in the service's OData JSON format (odata.type annotations for Edm types).</summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    /// <summary>Serializes an entity after checking the service's limits, so nothing oversized is ever sent.</summary>
    public static byte[] Serialize(ITableEntity entity)
    {
        var properties = TableEntityMapper.ToEdmProperties(entity);
        TableEntityLimits.Validate(entity.PartitionKey, entity.RowKey, properties);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in properties)
            {
                // Null properties are not sent (as the official SDK does): the service has no null, so a merge
                // keeps the stored value and a replace drops the property.
                if (value is not null)
                {
                    WriteProperty(writer, name, value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static T Deserialize<T>(JsonElement element)
        where T : class, ITableEntity, new()
    {
        string? partitionKey = null, rowKey = null;
        DateTimeOffset? timestamp = null;
        var etag = default(ETag);
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal) || (name.StartsWith("odata.", StringComparison.Ordinal) && name != "odata.etag"))
            {
                continue;
            }

            switch (name)
            {
                case "odata.etag":
                    etag = new ETag(property.Value.GetString()!);
                    continue;
                case "PartitionKey":
                    partitionKey = property.Value.GetString();
                    continue;
                case "RowKey":
                    rowKey = property.Value.GetString();
                    continue;
                case "Timestamp":
                    timestamp = DateTimeOffset.Parse(property.Value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    continue;
            }

            var edmType = element.TryGetProperty(name + TypeSuffix, out var annotation) ? annotation.GetString() : null;
            properties[name] = ReadValue(property.Value, edmType);
        }

        return TableEntityMapper.FromEdmProperties<T>(partitionKey ?? string.Empty, rowKey ?? string.Empty, timestamp, etag, properties);
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                // Annotated so that a whole number (2.0) is not read back as an Int32.
                writer.WriteString(name + TypeSuffix, "Edm.Double");
                break;
            case DateTimeOffset dto:
                writer.WriteString(name, dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                break;
            case Guid g:
                writer.WriteString(name, g.ToString("D"));
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                break;
            case byte[] bytes:
                writer.WriteBase64String(name, bytes);
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                break;
            default:
                throw new NotSupportedException($"Property '{name}' has type {value.GetType().Name}, which is not an Edm type.");
        }
    }

    private static object? ReadValue(JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (edmType)
        {
            case "Edm.Int64":
                return long.Parse(value.GetString()!, CultureInfo.InvariantCulture);
            case "Edm.Double":
                return value.ValueKind == JsonValueKind.String
                    ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture)
                    : value.GetDouble();
            case "Edm.DateTime":
                return DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            case "Edm.Guid":
                return Guid.Parse(value.GetString()!);
            case "Edm.Binary":
                return value.GetBytesFromBase64();
            case "Edm.Int32":
                return value.GetInt32();
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetInt32(out var i) ? i : value.GetDouble(),
            _ => value.GetRawText(),
        };
    }
}
