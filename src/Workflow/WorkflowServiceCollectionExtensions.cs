using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Retention;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Agenda;

namespace TicketFlow.Workflow;

/// <summary>Registers TicketFlow's workflows: the rulebook, the agendas, the reminder settings and the durable tasks.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Adds the rulebook (its settings bound from <c>Rulebook</c>), the ticket agenda and the reminder settings (bound
    /// from <c>Reminders</c>), both validated at start. The store and email implementations the activities need are
    /// registered by the host.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration to bind; null for defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddWorkflowServices(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRulebookServices();
        if (configuration is not null)
        {
            services.AddOptions<RulebookOptions>().Bind(configuration.GetSection(RulebookOptions.SectionName));
        }

        var reminders = services.AddOptions<ReminderOptions>();
        if (configuration is not null)
        {
            reminders.Bind(configuration.GetSection(ReminderOptions.SectionName));
        }

        reminders.ValidateDataAnnotations().Validate(
            o => o.AllOffsets().All(d => d is >= 0 and <= 366),
            "Reminder offsets are days before a due date: 0 to 366.").ValidateOnStart();
        services.AddSingleton<TicketAgenda>();
        return services;
    }

    /// <summary>Registers every orchestrator and activity of TicketFlow's workflows with the durable worker.</summary>
    /// <param name="builder">Microsoft's worker builder.</param>
    /// <returns>The builder.</returns>
    public static IDurableTaskWorkerBuilder AddTicketFlowWorkflows(this IDurableTaskWorkerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The registry is an options object: configuring it with the service provider lets the orchestrators take
        // their (deterministic, singleton) rule dependencies from dependency injection.
        builder.Services.AddOptions<DurableTaskRegistry>(builder.Name)
            .Configure<IServiceProvider>((registry, services) => registry.AddTicketFlowWorkflows(services));
        return builder;
    }

    /// <summary>Registers every orchestrator and activity of TicketFlow's workflows in a registry.</summary>
    /// <param name="registry">The worker's registry.</param>
    /// <param name="services">
    /// Creates the orchestrators with their dependencies: Microsoft's registry creates an orchestrator class with its
    /// parameterless constructor, these take the rulebook and agenda.
    /// </param>
    /// <returns>The registry.</returns>
    public static DurableTaskRegistry AddTicketFlowWorkflows(this DurableTaskRegistry registry, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(services);
        return registry
            .AddOrchestrator(nameof(TicketOrchestrator), () => ActivatorUtilities.CreateInstance<TicketOrchestrator>(services))
            .AddOrchestrator(nameof(Disputes.DisputeOrchestrator), () => ActivatorUtilities.CreateInstance<Disputes.DisputeOrchestrator>(services))
            .AddOrchestrator(
                nameof(ServicesAndSupportsReviews.ServicesAndSupportsReviewOrchestrator),
                () => ActivatorUtilities.CreateInstance<ServicesAndSupportsReviews.ServicesAndSupportsReviewOrchestrator>(services))
            .AddActivity<ServicesAndSupportsReviews.BuildServicesAndSupportsPackageActivity>()
            .AddActivity<ServicesAndSupportsReviews.RecordServicesAndSupportsReviewActivity>()
            .AddActivity<Disputes.RecordDisputeChangeActivity>()
            .AddActivity<RecordTicketChangeActivity>()
            .AddActivity<RecordDeadlinesActivity>()
            .AddActivity<SendReminderActivity>()
            .AddActivity<Earnings.CheckEarningsActivity>()
            .AddActivity<SendCheckInEmailActivity>()
            .AddActivity<RecordCaseNoteActivity>()
            .AddActivity<Iwps.RecordIwpActivity>()
            .AddActivity<DisposeTicketRecordsActivity>();
    }
}
