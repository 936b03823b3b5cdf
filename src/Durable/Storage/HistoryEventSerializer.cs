using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketFlow.Durable.Storage;

/// <summary>The fixed JSON format history events are stored in (independent of the application's options).</summary>
public static class HistoryEventSerializer
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Serialises an event.</summary>
    /// <param name="historyEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent, Options);

    /// <summary>Deserialises an event.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    public static HistoryEvent Deserialize(string json)
        => JsonSerializer.Deserialize<HistoryEvent>(json, Options) ?? throw new InvalidDataException("Empty history event.");

    /// <summary>Serialises failure details.</summary>
    /// <param name="failure">The failure, or <c>null</c>.</param>
    /// <returns>The JSON text, or <c>null</c>.</returns>
    public static string? SerializeFailure(TaskFailureDetails? failure) => failure is null ? null : JsonSerializer.Serialize(failure, Options);

    /// <summary>Deserialises failure details.</summary>
    /// <param name="json">The JSON text, or <c>null</c>.</param>
    /// <returns>The failure, or <c>null</c>.</returns>
    public static TaskFailureDetails? DeserializeFailure(string? json) => json is null ? null : JsonSerializer.Deserialize<TaskFailureDetails>(json, Options);

    /// <summary>Serialises instance tags (null when there are none).</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>JSON, or null.</returns>
    public static string? SerializeTags(IReadOnlyDictionary<string, string>? tags) => tags is null || tags.Count == 0 ? null : JsonSerializer.Serialize(tags, Options);

    /// <summary>Reads instance tags.</summary>
    /// <param name="json">JSON written by <see cref="SerializeTags"/>.</param>
    /// <returns>The tags.</returns>
    public static IReadOnlyDictionary<string, string>? DeserializeTags(string? json) => json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        // The text is stored, never put in a page, so the HTML-safe escaping is not needed: with it every quote of a
        // payload (itself JSON) becomes a six-character \u0022 that each read must decode. Absent values are left out;
        // rows written before, with explicit nulls, read the same.
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
