using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;

namespace TicketFlow.Infra.Tests;

/// <summary>infra/main.bicep compiles and lints cleanly offline, and agrees with azd's parameters and with the app.</summary>
[Collection(InfraCollection.Name)]
public sealed class MainTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void Main_template_compiles_without_errors_or_warnings()
    {
        Assert.True(compiled.ExitCode == 0, $"bicep build failed:\n{compiled.Diagnostics}");
        Assert.True(compiled.Diagnostics.Length == 0, $"bicep build reported:\n{compiled.Diagnostics}");
    }

    [Fact]
    public void Main_template_and_its_modules_lint_without_errors_or_warnings()
    {
        Assert.True(compiled.LintExitCode == 0 && compiled.LintDiagnostics.Length == 0, $"bicep lint exited {compiled.LintExitCode}:\n{compiled.LintDiagnostics}");
    }

    [Fact]
    public void Azd_fills_every_required_parameter_and_no_undeclared_one()
    {
        var declared = Template().AsObject()["parameters"]!.AsObject();
        var given = JsonNode.Parse(File.ReadAllText(Repository.MainParameters))!["parameters"]!.AsObject();
        var undeclared = given.Select(p => p.Key).Where(name => !declared.ContainsKey(name)).ToList();
        var required = declared
            .Where(p => p.Value!["defaultValue"] is null && p.Value["nullable"]?.GetValue<bool>() != true)
            .Select(p => p.Key);
        var missing = required.Where(name => !given.ContainsKey(name)).ToList();
        Assert.True(undeclared.Count == 0, "main.parameters.json gives parameters main.bicep does not declare: " + string.Join(", ", undeclared));
        Assert.True(missing.Count == 0, "main.parameters.json leaves required parameters out: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_function_app_runs_the_dotnet_version_the_app_is_built_for()
    {
        var framework = typeof(TicketFlow.Functions.TicketFlowFunctionsApp).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        var built = new FrameworkName(framework).Version.ToString(2);
        var runtimes = Descendants(Template())
            .OfType<JsonObject>()
            .Where(o => o["runtime"] is JsonObject runtime && runtime["name"]?.GetValue<string>() == "dotnet-isolated")
            .Select(o => o["runtime"]!["version"]!.GetValue<string>())
            .ToList();
        // The version is the functionapp module's parameter; its default is the value every deployment uses.
        var versions = runtimes.Select(v => v == "[parameters('dotnetVersion')]" ? DotnetVersionDefault() : v).ToList();
        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.Equal(built, v));
    }

    private JsonNode Template() => compiled.Template ?? throw new InvalidOperationException("main.bicep did not compile:\n" + compiled.Diagnostics);

    private string DotnetVersionDefault() => Descendants(Template())
        .OfType<JsonObject>()
        // A user-defined function's "parameters" is an array; a template's or module's is an object.
        .Select(o => o["parameters"] is JsonObject parameters ? parameters["dotnetVersion"]?["defaultValue"] : null)
        .Single(v => v is not null)!
        .GetValue<string>();

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
