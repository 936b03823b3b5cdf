using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.ServicesAndSupportsReviews;
using TicketFlow.Workflow.Ticketholders;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>Registers the Table Storage implementations of the domain's record repositories and the API's key and idempotency stores.</summary>
public static class RecordServiceCollectionExtensions
{
    /// <summary>
    /// Adds every record repository on Azure Table Storage (needs <c>AddStorageServices</c> for the Table client), with
    /// <see cref="RecordStoreOptions"/> bound from <c>Storage:Records</c> and validated at start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration; null for defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddRecordServices(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RecordStoreOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(RecordStoreOptions.SectionName));
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RecordTables>();
        services.TryAddSingleton<IEmploymentNetworkRepository, TableEmploymentNetworkRepository>();
        services.TryAddSingleton<ITicketholderRepository, TableTicketholderRepository>();
        services.TryAddSingleton<ITicketRepository, TableTicketRepository>();
        services.TryAddSingleton<IIwpRepository, TableIwpRepository>();
        services.TryAddSingleton<ICaseNoteRepository, TableCaseNoteRepository>();
        services.TryAddSingleton<Workflow.Earnings.IEarningsRepository, TableEarningsRepository>();
        services.TryAddSingleton<IDeadlineRepository, TableDeadlineRepository>();
        services.TryAddSingleton<IAuditTrail, TableAuditTrail>();
        services.TryAddSingleton<IDisputeRepository, TableDisputeRepository>();
        services.TryAddSingleton<IServicesAndSupportsReviewRepository, TableServicesAndSupportsReviewRepository>();
        services.TryAddSingleton<IApiKeyStore, TableApiKeyStore>();
        services.TryAddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        return services;
    }
}
