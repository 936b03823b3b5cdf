using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Api;
using TicketFlow.Functions.Http;
using TicketFlow.Workflow;

namespace TicketFlow.Functions;

/// <summary>
/// The Azure Functions app's composition root: ASP.NET Core integration, the services both hosts share
/// (<see cref="TicketFlowServiceCollectionExtensions.AddTicketFlowServices"/>), the one API pipeline every HTTP function
/// calls, and Durable Functions' worker with TicketFlow's orchestrators and activities. Program.cs calls it; tests
/// call it on a builder they do not start.
/// </summary>
public static class TicketFlowFunctionsApp
{
    /// <summary>The storage setting that would start a local emulator; in a Functions app storage is always configured.</summary>
    internal const string StartAzuriteSetting = "Storage:StartAzuriteWhenNotConfigured";

    /// <summary>Configures the builder.</summary>
    /// <param name="builder">From <c>FunctionsApplication.CreateBuilder</c>.</param>
    /// <returns>The builder.</returns>
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();

        // Azure (and Core Tools, on the Azurite the developer runs) always names a storage account: this app never
        // starts an emulator of its own. A default, below every configured source, so a missing account fails the
        // start with the storage validator's message instead of launching Azurite on a Functions instance.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = [new(StartAzuriteSetting, "false")],
        });

        // host.json is copied beside the worker's assembly; the Functions host reads the same file.
        var host = HostSettings.Read(Path.Combine(AppContext.BaseDirectory, "host.json"));
        builder.Services.AddTicketFlowServices(builder.Configuration, host);
        builder.Services.AddFunctionsApiPipeline();

        // The same registry call the self-hosted server makes: Durable Functions' metadata transformer turns each
        // registered orchestrator and activity into an orchestration or activity trigger when the worker starts.
        builder.ConfigureDurableWorker().AddTicketFlowWorkflows();

        // Durable Functions builds its data converter (worker and client binding) from the worker's serializer, not
        // from a registered DataConverter: give it the workflows' JSON, so inputs, outputs, events and custom status
        // look as they do on the server.
        builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(WorkflowDataConverter.SerializerOptions));
        return builder;
    }
}
