using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TicketFlow.Infra.Tests;

/// <summary>
/// What a deployment of infra/main.bicep with given parameters would create, evaluated offline by <c>bicep snapshot</c>
/// (conditions, loops and modules resolved for fixed subscription, tenant and region ids; values only Azure knows,
/// such as another resource's properties or a secure parameter, stay expressions). The compiled template says what
/// may be deployed; the snapshot says what is, for these parameters.
/// </summary>
public sealed class TemplateSnapshot
{
    /// <summary>The subscription the snapshot deploys to.</summary>
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000aaaa";
    /// <summary>The subscription's tenant.</summary>
    public const string TenantId = "00000000-0000-0000-0000-00000000bbbb";

    private TemplateSnapshot(JsonArray resources) => Resources = [.. resources.OfType<JsonObject>()];

    /// <summary>The predicted resources, in deployment order.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>The resources of one type (<c>Microsoft.Web/sites/config</c>), whose name ends in <paramref name="name"/>.</summary>
    public IEnumerable<JsonObject> OfType(string type, string name) => Resources.Where(r =>
        r["type"]?.GetValue<string>() == type && r["name"]?.GetValue<string>().EndsWith("/" + name, StringComparison.Ordinal) == true);

    /// <summary>The Function App's app settings (its <c>appsettings</c> config), names to values.</summary>
    public JsonObject AppSettings => OfType("Microsoft.Web/sites/config", "appsettings").Single()["properties"]!.AsObject();

    /// <summary>Snapshots main.bicep with the required parameters and <paramref name="parameters"/> (string values).</summary>
    public static async Task<TemplateSnapshot> OfMainAsync(IReadOnlyDictionary<string, string> parameters)
    {
        var folder = Directory.CreateTempSubdirectory("tf-bicep-snapshot-");
        try
        {
            var file = Path.Combine(folder.FullName, "main.bicepparam");
            var main = Path.GetRelativePath(folder.FullName, Repository.MainTemplate).Replace('\\', '/');
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"using '{main}'\n");
            var all = new Dictionary<string, string>
            {
                ["environmentName"] = "snapshot",
                ["location"] = "eastus2",
                ["emailFromAddress"] = "reminders@en.example",
            };
            foreach (var (name, value) in parameters)
            {
                all[name] = value;
            }

            foreach (var (name, value) in all)
            {
                text.Append(CultureInfo.InvariantCulture, $"param {name} = '{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'\n");
            }

            await File.WriteAllTextAsync(file, text.ToString());
            var (exitCode, output, errors) = await BicepCli.RunAsync(
                "snapshot", file, "--mode", "overwrite", "--subscription-id", SubscriptionId, "--tenant-id", TenantId,
                "--location", "eastus2", "--deployment-name", "main");
            var snapshot = Path.ChangeExtension(file, ".snapshot.json");
            if (exitCode != 0 || !File.Exists(snapshot))
            {
                throw new InvalidOperationException($"bicep snapshot exited {exitCode}:\n{output}\n{errors}");
            }

            var json = JsonNode.Parse(await File.ReadAllTextAsync(snapshot))!;
            var diagnostics = json["diagnostics"]?.AsArray() ?? [];
            if (diagnostics.Count > 0)
            {
                throw new InvalidOperationException("bicep snapshot reported:\n" + diagnostics.ToJsonString());
            }

            return new TemplateSnapshot(json["predictedResources"]!.AsArray());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
