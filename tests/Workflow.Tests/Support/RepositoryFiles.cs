using System.Text.Json.Nodes;

namespace TicketFlow.Workflow.Tests.Support;

/// <summary>Files at the repository root (the sample IWP and its schema), found from the test's output directory.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SampleIwpPath => Path.Combine(Root, "samples", "iwp.json");

    public static string SchemaPath => Path.Combine(Root, "schemas", "iwp.schema.json");

    public static string SampleIwpJson => File.ReadAllText(SampleIwpPath);

    /// <summary>
    /// The sample IWP with one member changed: <paramref name="path"/> is a slash path such as
    /// "/signatures/ticketholder/date" or "/services/0/description"; <paramref name="json"/> is the new value as JSON,
    /// or null to remove the member.
    /// </summary>
    public static string SampleWith(string path, string? json)
    {
        var root = JsonNode.Parse(SampleIwpJson)!;
        var segments = path.Trim('/').Split('/');
        var parent = root;
        foreach (var segment in segments[..^1])
            parent = int.TryParse(segment, out var i) ? parent[i]! : parent[segment]!;
        var last = segments[^1];
        var value = json is null ? null : JsonNode.Parse(json);
        if (parent is JsonArray array)
        {
            var index = int.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
            if (json is null) array.RemoveAt(index);
            else array[index] = value;
        }
        else
        {
            var obj = parent.AsObject();
            if (json is null) obj.Remove(last);
            else obj[last] = value;
        }

        return root.ToJsonString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketFlow.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("TicketFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
