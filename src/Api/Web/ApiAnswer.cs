using System.Text.Json;

namespace TicketFlow.Api.Web;

/// <summary>What an API endpoint answered the page: its status, its JSON body, and the Problem Details' messages by field.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body (a copy that outlives the request), or an undefined element when there was none.</param>
/// <param name="Content">The body's bytes when it is not JSON (a document), else null.</param>
/// <param name="ContentType">The body's content type.</param>
internal sealed record ApiAnswer(int Status, JsonElement Body, byte[]? Content = null, string? ContentType = null)
{
    /// <summary>Whether the API accepted the request.</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The Problem Details' detail (or title) when the API refused, in its words.</summary>
    public string? Message =>
        Succeeded || Body.ValueKind != JsonValueKind.Object ? null
        : Body.TryGetProperty("detail", out var d) && d.GetString() is { Length: > 0 } detail ? detail
        : Body.TryGetProperty("title", out var t) ? t.GetString() : null;

    /// <summary>The validation errors by field, as the API names the fields (<c>on</c>, <c>ticketholder.email</c>, <c>$.goal</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors
    {
        get
        {
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (!Succeeded && Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in e.EnumerateObject())
                {
                    errors[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                        ? [.. property.Value.EnumerateArray().Select(m => m.GetString() ?? string.Empty)]
                        : [property.Value.ToString()];
                }
            }

            return errors;
        }
    }
}
