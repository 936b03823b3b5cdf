using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketFlow.Api;
using TicketFlow.Functions.Http;
using TicketFlow.Functions.Tests.Hosts;
using TicketFlow.Workflow;

namespace TicketFlow.Functions.Tests;

/// <summary>
/// The app's functions, as the Functions host will know them: HTTP functions from functions.metadata (Worker.Sdk
/// writes it at build; the build output is the publish output, see <see cref="PublishTests"/>), orchestrators and
/// activities from the Durable extension's metadata transformers (class-based tasks are reported at worker start,
/// not written to the file).
/// </summary>
public sealed class FunctionMetadataTests : IDisposable
{
    private static readonly JsonArray Metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray();
    private static readonly HostSettings HostJson = HostSettings.Read(Path.Combine(AppContext.BaseDirectory, "host.json"));

    private readonly FunctionsAppHost app = FunctionsAppHost.Build(FunctionsAppHost.StorageSettings("UseDevelopmentStorage=true", "meta", "docs", Path.GetTempPath()));

    [Fact]
    public void Every_api_endpoint_has_exactly_one_http_function_with_its_route_and_methods()
    {
        var api = app.Services.GetRequiredService<FunctionsApiPipeline>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => Route(m, e.RoutePattern.RawText!)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var functions = HttpTriggers().Select(t => Route(t.Method, $"{HostJson.RoutePrefix}/{t.Route}")).Order(StringComparer.Ordinal).ToList();

        Assert.True(api.Count >= 40, $"the API maps {api.Count} endpoints; expected the full API");
        Assert.Equal(api, functions);
        Assert.Equal(functions.Count, functions.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_http_function_is_anonymous_to_the_host_and_named_once()
    {
        // Function keys would be checked by the Functions host before the API's own authentication, and differ from the
        // server: the API authenticates every request itself.
        var triggers = HttpTriggers().ToList();
        Assert.All(triggers, t => Assert.Equal("Anonymous", t.AuthLevel));
        Assert.Equal(triggers.Count, triggers.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(triggers, t => t.Name == "LogContactAttempt" && t.Route.StartsWith("v1/tickets/{ticketNumber:", StringComparison.Ordinal) && t.Route.EndsWith("}/contacts", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_orchestrator_and_activity_of_the_workflow_registry_becomes_its_trigger_function_at_worker_start()
    {
        var transformed = new List<IFunctionMetadata>();
        foreach (var transformer in app.Services.GetServices<IFunctionMetadataTransformer>())
        {
            transformer.Transform(transformed);
        }

        var triggers = transformed.ToDictionary(m => m.Name!, m => JsonNode.Parse(m.RawBindings!.Single())!["type"]!.GetValue<string>(), StringComparer.Ordinal);

        // The registry the server's worker is given, by the same call.
        var registry = new DurableTaskRegistry().AddTicketFlowWorkflows(app.Services);
        var (orchestrators, activities) = Names(registry);
        Assert.Contains(nameof(Workflow.Tickets.TicketOrchestrator), orchestrators);
        Assert.Contains(nameof(Workflow.Disputes.DisputeOrchestrator), orchestrators);
        Assert.Contains(nameof(Workflow.ServicesAndSupportsReviews.ServicesAndSupportsReviewOrchestrator), orchestrators);
        Assert.True(activities.Count >= 11);
        Assert.Equal(
            orchestrators.Select(n => (n, "orchestrationTrigger")).Concat(activities.Select(n => (n, "activityTrigger"))).Order(),
            triggers.Select(t => (t.Key, t.Value)).Order());

        // None of them is also an HTTP function, nor written to functions.metadata under its name.
        Assert.DoesNotContain(Metadata, f => triggers.ContainsKey(f!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Host_json_keeps_durable_state_in_the_apps_storage_account_with_its_identity()
    {
        // AzureWebJobsStorage is identity-based in Azure (AzureWebJobsStorage__accountName, __credential, __clientId:
        // infra/modules/functionapp.bicep) and UseDevelopmentStorage=true with Core Tools.
        var durable = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!["extensions"]!["durableTask"]!;
        Assert.Equal("AzureStorage", durable["storageProvider"]!["type"]!.GetValue<string>());
        Assert.Equal("AzureWebJobsStorage", durable["storageProvider"]!["connectionName"]!.GetValue<string>());
        Assert.Equal("TicketFlow", HostJson.HubName);
        Assert.Equal("api", HostJson.RoutePrefix);
    }

    [Fact]
    public void The_worker_uses_the_workflow_data_converter()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<Microsoft.DurableTask.Worker.DurableTaskWorkerOptions>>().Get(Options.DefaultName);
        var sample = new Workflow.Disputes.Events.DisputeEventMessage(new Workflow.Disputes.Events.DisputeResolved(new DateOnly(2026, 3, 2), "en"));
        Assert.Equal(WorkflowDataConverter.Instance.Serialize(sample), options.DataConverter.Serialize(sample));
        Assert.Equal(WorkflowDataConverter.Instance.Serialize(Workflow.Disputes.DisputeStatus.Resolved), options.DataConverter.Serialize(Workflow.Disputes.DisputeStatus.Resolved));
    }

    [Fact]
    public void The_app_never_starts_azurite_of_its_own()
    {
        Assert.DoesNotContain(app.Descriptors, d => d.ImplementationType?.Name == "AzuriteHostedService");
        Assert.False(app.Services.GetRequiredService<IOptions<Infrastructure.Storage.StorageOptions>>().Value.StartAzuriteWhenNotConfigured);
    }

    public void Dispose() => app.Dispose();

    private static string Route(string method, string route) => $"{method.ToUpperInvariant()} /{route.Trim('/')}";

    private static IEnumerable<(string Name, string Method, string Route, string AuthLevel)> HttpTriggers() =>
        from function in Metadata
        from binding in function!["bindings"]!.AsArray()
        where binding!["type"]!.GetValue<string>() == "httpTrigger"
        from method in binding["methods"]!.AsArray()
        select (function["name"]!.GetValue<string>(), method!.GetValue<string>(), binding["route"]!.GetValue<string>(), binding["authLevel"]!.GetValue<string>());

    /// <summary>The registry's task names (it keeps them in internal dictionaries; read through reflection).</summary>
    private static (List<string> Orchestrators, List<string> Activities) Names(DurableTaskRegistry registry)
    {
        static List<string> Keys(DurableTaskRegistry r, string property)
        {
            const System.Reflection.BindingFlags Any = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance;
            var member = typeof(DurableTaskRegistry).GetProperty(property, Any)
                ?? throw new InvalidOperationException($"DurableTaskRegistry has no {property} any more: read the names another way.");
            return ((System.Collections.IEnumerable)member.GetValue(r)!).Cast<object>()
                .Select(entry => entry.GetType().GetProperty("Key")!.GetValue(entry)!)
                .Select(key => key is TaskName name ? name.Name : key.GetType().GetProperty("Name")!.GetValue(key)!.ToString()!)
                .ToList();
        }

        return (Keys(registry, "Orchestrators"), Keys(registry, "Activities"));
    }
}
