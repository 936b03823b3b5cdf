using System.Text.Json;

namespace TicketFlow.Api;

/// <summary>
/// The settings an Azure Functions user expects in host.json: the HTTP route prefix, the durable task hub's name and
/// the worker's concurrency limits. Read once at start; a missing file means the defaults.
/// </summary>
/// <param name="RoutePrefix">extensions.http.routePrefix (default "api").</param>
/// <param name="HubName">extensions.durableTask.hubName: names the durable store's file.</param>
/// <param name="MaxConcurrentActivities">extensions.durableTask.maxConcurrentActivityFunctions.</param>
/// <param name="MaxConcurrentOrchestrations">extensions.durableTask.maxConcurrentOrchestratorFunctions.</param>
public sealed record HostSettings(string RoutePrefix, string HubName, int MaxConcurrentActivities, int MaxConcurrentOrchestrations)
{
    /// <summary>extensions.durableTask.extendedSessionsEnabled: orchestrators stay in memory between episodes instead of replaying.</summary>
    public bool ExtendedSessions { get; init; }

    /// <summary>The defaults, as Azure Functions has them.</summary>
    public static HostSettings Default { get; } = new("api", "TicketFlow", 16, 16);

    /// <summary>Reads host.json; a missing file gives the defaults, a malformed one a clear error.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The settings.</returns>
    public static HostSettings Read(string path)
    {
        if (!File.Exists(path))
        {
            return Default;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var extensions = document.RootElement.TryGetProperty("extensions", out var e) ? e : default;
            JsonElement? Value(string section, string name) =>
                extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty(section, out var s) && s.TryGetProperty(name, out var v)
                    ? v : null;
            string? Text(string section, string name) => Value(section, name)?.GetString();
            bool Flag(string section, string name) => Value(section, name)?.GetBoolean() ?? false;
            int? Number(string section, string name) => Value(section, name)?.GetInt32();
            var settings = new HostSettings(
                (Text("http", "routePrefix") ?? Default.RoutePrefix).Trim('/'),
                Text("durableTask", "hubName") ?? Default.HubName,
                Number("durableTask", "maxConcurrentActivityFunctions") ?? Default.MaxConcurrentActivities,
                Number("durableTask", "maxConcurrentOrchestratorFunctions") ?? Default.MaxConcurrentOrchestrations)
            {
                ExtendedSessions = Flag("durableTask", "extendedSessionsEnabled"),
            };
            if (!System.Text.RegularExpressions.Regex.IsMatch(settings.HubName, "^[A-Za-z][A-Za-z0-9]{2,49}$")
                || settings.MaxConcurrentActivities < 1 || settings.MaxConcurrentOrchestrations < 1)
            {
                throw new InvalidOperationException($"{path}: hubName must be 3-50 letters and digits starting with a letter, and concurrency limits at least 1.");
            }

            return settings;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException($"{path} cannot be read: {e.Message}", e);
        }
    }
}
