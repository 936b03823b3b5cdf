using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TicketFlow.Infra.Tests;

/// <summary>
/// The app-setting names a compiled ARM template mentions: every object key and every quoted literal inside a template
/// expression shaped like a nested configuration key (<c>Section__Name</c>). A name built from a template expression
/// (<c>'Api__EntraId__Clients__{0}'</c> in a format() call) keeps its <c>{0}</c>: a setting per dictionary entry.
/// </summary>
internal static partial class TemplateSettings
{
    /// <summary>The names in the template.</summary>
    public static IReadOnlySet<string> Read(JsonNode template)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Walk(template, names);
        return names;
    }

    private static void Walk(JsonNode? node, HashSet<string> names)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (SettingName().IsMatch(key))
                    {
                        names.Add(key);
                    }

                    Walk(value, names);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Walk(item, names);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var text) && text.StartsWith('['):
                foreach (Match literal in QuotedLiteral().Matches(text))
                {
                    var value = literal.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal);
                    if (SettingName().IsMatch(value))
                    {
                        names.Add(value);
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(__[A-Za-z0-9]+)+(__\{0\})?$")]
    private static partial Regex SettingName();

    [GeneratedRegex("'((?:[^']|'')*)'")]
    private static partial Regex QuotedLiteral();
}
