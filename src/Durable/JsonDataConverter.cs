using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketFlow.Durable;

/// <summary>A <see cref="DataConverter"/> over System.Text.Json with configurable options.</summary>
public sealed class JsonDataConverter : DataConverter
{
    /// <summary>Creates a converter.</summary>
    /// <param name="options">Serializer options; defaults to web defaults with enums as strings.</param>
    public JsonDataConverter(JsonSerializerOptions? options = null)
    {
        Options = options ?? CreateDefaultOptions();
    }

    /// <summary>A converter with the default options.</summary>
    public static JsonDataConverter Default { get; } = new();

    /// <summary>The serializer options in use.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Web defaults (camelCase, case-insensitive) with enums written as strings.</summary>
    /// <returns>New options.</returns>
    public static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    /// <inheritdoc />
    public override string? Serialize(object? value)
        => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <inheritdoc />
    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (data is null)
        {
            return targetType.IsValueType && Nullable.GetUnderlyingType(targetType) is null ? Activator.CreateInstance(targetType) : null;
        }

        return JsonSerializer.Deserialize(data, targetType, Options);
    }
}
