using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TicketFlow.Workflow.Tests.Iwps;

/// <summary>
/// A small JSON Schema 2020-12 validator for the keywords schemas/iwp.schema.json uses ($ref to $defs, type,
/// enum, properties, additionalProperties: false, items, format: date, pattern, minimum). It exists so the tests can
/// check the sample against the published schema independently of the C# records; an unknown keyword fails loudly.
/// </summary>
internal sealed class MiniJsonSchemaValidator(JsonElement root)
{
    private static readonly HashSet<string> Supported =
        ["$schema", "$id", "$ref", "$defs", "title", "description", "type", "enum", "properties", "additionalProperties", "items", "format", "pattern", "minimum"];

    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(instance, root, "$", errors);
        return errors;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Supported.Contains(keyword.Name))
                throw new NotSupportedException($"Schema keyword '{keyword.Name}' at {path} is not understood by this validator.");
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            const string prefix = "#/$defs/";
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
                throw new NotSupportedException($"Only local $defs references are supported: {name}");
            Check(value, root.GetProperty("$defs").GetProperty(name[prefix.Length..]), path, errors);
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!allowed.Any(t => Is(value, t)))
            {
                errors.Add($"{path}: {value.ValueKind} is not {string.Join("/", allowed)}");
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            errors.Add($"{path}: {value} is not one of {options}");

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("format", out var format) && format.GetString() == "date"
                && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                errors.Add($"{path}: '{text}' is not a date");
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!))
                errors.Add($"{path}: '{text}' does not match {pattern}");
        }

        if (value.ValueKind == JsonValueKind.Number && schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
            errors.Add($"{path}: {value} is below {minimum}");

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var member in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var memberSchema))
                    Check(member.Value, memberSchema, $"{path}.{member.Name}", errors);
                else if (schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False)
                    errors.Add($"{path}: unknown member '{member.Name}'");
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
                Check(item, items, $"{path}[{i++}]", errors);
        }
    }

    private static bool Is(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}
