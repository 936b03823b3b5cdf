using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Azure.Data.Tables;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>Registers the email area.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the Email section (at start) and registers: the plain-language templates;
    /// <see cref="IEmailSender"/> (the outbox, or SendGrid over a named HttpClient when Email:Provider is SendGrid);
    /// the sent-email and delivery logs (Table Storage when <see cref="TableServiceClient"/> is registered, in
    /// memory otherwise); the staff notifier for bad addresses; and <see cref="SendGridEventWebhook"/> for the
    /// webhook endpoint in src/Api (Webhooks/).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root (reads the Email section).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddEmailServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(EmailOptions.SectionName);
        services.AddOptions<EmailOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEmailTemplateRenderer, PlainLanguageEmailTemplates>();

        services.TryAddSingleton<ISentEmailLog>(sp =>
            sp.GetService<TableServiceClient>() is { } tables
                ? new TableSentEmailLog(tables.GetTableClient(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SentEmailTableName))
                : new InMemorySentEmailLog());
        services.TryAddSingleton<IEmailDeliveryLog>(sp =>
            sp.GetService<TableServiceClient>() is { } tables
                ? new TableEmailDeliveryLog(tables.GetTableClient(sp.GetRequiredService<IOptions<EmailOptions>>().Value.DeliveryEventTableName))
                : new InMemoryEmailDeliveryLog());

        var provider = section.GetValue(nameof(EmailOptions.Provider), EmailProvider.Outbox);
        if (provider == EmailProvider.SendGrid)
        {
            services.AddHttpClient<IEmailSender, SendGridEmailSender>(client => client.Timeout = TimeSpan.FromSeconds(30));
        }
        else
        {
            services.TryAddSingleton<IEmailSender, OutboxEmailSender>();
        }

        services.TryAddSingleton<IAddressProblemNotifier, StaffEmailAddressProblemNotifier>();
        services.TryAddSingleton<SendGridEventWebhook>();
        return services;
    }
}
