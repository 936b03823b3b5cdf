using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Tests.Rules;

public class RulebookServicesTests
{
    [Fact]
    public void The_services_use_the_configured_case_note_window_and_time_zone()
    {
        using var provider = new ServiceCollection()
            .AddRulebookServices(o => { o.CaseNoteWindowMonths = 24; o.TimeZoneId = "America/Chicago"; })
            .BuildServiceProvider();
        Assert.Equal(24, provider.GetRequiredService<Rulebook>().Get(RuleIds.CaseNoteWindow).Amount);
        Assert.Equal("America/Chicago", provider.GetRequiredService<EnTimeZone>().Id);
        Assert.Same(provider.GetRequiredService<Rulebook>(), provider.GetRequiredService<DeadlineCalculator>().Rulebook);
        Assert.NotNull(provider.GetRequiredService<IwpComplianceChecker>());
    }

    [Theory]
    [InlineData(0, "America/New_York")]
    [InlineData(12, "Eastern Standard Time")]
    public void Invalid_settings_are_refused(int months, string zone)
    {
        using var provider = new ServiceCollection()
            .AddRulebookServices(o => { o.CaseNoteWindowMonths = months; o.TimeZoneId = zone; })
            .BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RulebookOptions>>().Value);
    }
}
