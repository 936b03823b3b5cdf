using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Workflow;

namespace TicketFlow.Api;

/// <summary>
/// What both hosts (the Azure Functions app and the self-hosted server) register the same way, so that the API
/// behaves alike in both: the log filters, storage, records, email, the workflows' services and data converter, and
/// the API itself.
/// The durable engine is the host's own choice (Durable Functions, or the embedded engine) and is not here.
/// </summary>
public static class TicketFlowServiceCollectionExtensions
{
    /// <summary>Adds every TicketFlow area in the order their registrations need (storage first, the API last).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration (each area binds and validates its own section at start).</param>
    /// <param name="host">The settings read from host.json.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTicketFlowServices(this IServiceCollection services, IConfiguration configuration, HostSettings host)
    {
        services.AddSingleton(host);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging(logging =>
        {
            // Expected 404s (a look-up of a record that does not exist yet) are logged by the Azure SDK (categories
            // Azure.*, forwarded by Microsoft.Extensions.Azure) as error responses; they are not errors to an operator.
            // Real failures still surface as exceptions.
            logging.AddFilter("Azure", LogLevel.Error);

            // ASP.NET Core writes about six Information lines for every request (request starting/finished, endpoint
            // executing/executed, status code, result type): noise at hundreds of requests a second. Its warnings and
            // errors stay; Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information (a more specific
            // category than this rule) brings the request lines back.
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        });

        // Storage first: with no account configured it adds the hosted service that starts Azurite before the others.
        services.AddStorageServices(configuration);
        services.AddRecordServices(configuration);
        services.AddEmailServices(configuration);
        services.AddWorkflowServices(configuration);

        // Workflow inputs, outputs and events in the shape the API shows them; both engines' builders pick it up.
        services.AddSingleton(WorkflowDataConverter.Instance);

        // Last: the API decorates the key and EN stores the record services registered.
        services.AddApiServices(configuration);
        return services;
    }
}
