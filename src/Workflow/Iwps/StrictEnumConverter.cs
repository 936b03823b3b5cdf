using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketFlow.Workflow.Iwps;

/// <summary>
/// Enums as camelCase strings, read exactly: "faceToFace" is accepted, "FaceToFace", "facetoface" and numbers are
/// not. (JsonStringEnumConverter reads case-insensitively, which would let documents the schema rejects through.)
/// </summary>
internal sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), StringComparer.Ordinal);

        private static readonly Dictionary<T, string> ByValue = ByName.ToDictionary(p => p.Value, p => p.Key);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value))
                return value;
            throw new JsonException($"The JSON value could not be converted to {typeof(T).Name}: expected one of {string.Join(", ", ByName.Keys)}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ByValue[value]);
    }
}
