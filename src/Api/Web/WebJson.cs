using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace TicketFlow.Api.Web;

/// <summary>Reads the API's answers back into the workflow's records, with the API's own JSON rules.</summary>
internal static class WebJson
{
    private static JsonSerializerOptions? _options;

    /// <summary>The API's answer as <typeparamref name="T"/>.</summary>
    public static T Read<T>(HttpContext http, JsonElement json)
    {
        _options ??= new JsonSerializerOptions(http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions)
        {
            // The answers carry computed fields (a deadline's outcome) that the records do not take back.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        return json.Deserialize<T>(_options)!;
    }

    /// <summary>A string property of a JSON object, or null.</summary>
    public static string? Str(this JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
}
