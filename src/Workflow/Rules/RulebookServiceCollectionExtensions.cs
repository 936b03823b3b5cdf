using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Iwps;

namespace TicketFlow.Workflow.Rules;

/// <summary>Registers the rulebook, the federal calendar, the EN time zone, the deadline calculator and the IWP checker.</summary>
public static class RulebookServiceCollectionExtensions
{
    /// <summary>
    /// Adds the compliance rules as singletons. Bind <see cref="RulebookOptions"/> from configuration section
    /// <see cref="RulebookOptions.SectionName"/> before or after calling this; the options are validated at start.
    /// </summary>
    public static IServiceCollection AddRulebookServices(this IServiceCollection services, Action<RulebookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RulebookOptions>();
        if (configure is not null)
            options.Configure(configure);
        options
            .Validate(o => o.CaseNoteWindowMonths is >= 1 and <= 120, "Rulebook:CaseNoteWindowMonths must be between 1 and 120.")
            .Validate(o => DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZoneId ?? "") is not null, "Rulebook:TimeZoneId must be an IANA time zone id such as America/New_York.")
            .ValidateOnStart();

        services.AddSingleton(FederalCalendar.Default);
        services.AddSingleton(sp => new Rulebook(sp.GetRequiredService<IOptions<RulebookOptions>>().Value));
        services.AddSingleton(sp => new EnTimeZone(sp.GetRequiredService<IOptions<RulebookOptions>>().Value.TimeZoneId));
        services.AddSingleton(sp => new DeadlineCalculator(sp.GetRequiredService<Rulebook>(), sp.GetRequiredService<FederalCalendar>()));
        services.AddSingleton(sp => new IwpComplianceChecker(sp.GetRequiredService<DeadlineCalculator>()));
        return services;
    }
}
