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
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
