using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Tests;

/// <summary>What <see cref="WorkflowServiceCollectionExtensions.AddWorkflowServices"/> binds from configuration (app settings).</summary>
public sealed class WorkflowServicesBindingTests
{
    public static TheoryData<string[], int[], int[]> DisputeOffsets => new()
    {
        // settings (Reminders:DisputeDaysBefore:i = value), dispute offsets in effect, IWP offsets in effect
        { [], [7, 2, 0], [7, 2, 0] },
        { ["10"], [10], [7, 2, 0] },
        { ["5", "1"], [5, 1], [7, 2, 0] },
    };

    [Theory]
    [MemberData(nameof(DisputeOffsets))]
    public void Configured_reminder_offsets_replace_the_default_list_instead_of_adding_to_it(string[] configured, int[] dispute, int[] iwp)
    {
        var schedule = Provider(configured.Select((v, i) => ($"Reminders:DisputeDaysBefore:{i}", v)).ToArray())
            .GetRequiredService<IOptions<ReminderOptions>>().Value.ToSchedule();

        Assert.Equal(dispute, schedule.DisputeDaysBefore);
        Assert.Equal(iwp, schedule.IwpSubmissionDaysBefore);
    }

    [Fact]
    public void The_default_schedule_is_the_documented_one()
    {
        Assert.Equal([7, 2, 0], ReminderSchedule.Default.IwpSubmissionDaysBefore);
        Assert.Equal([14, 7, 2, 0], ReminderSchedule.Default.ServicesAndSupportsReviewDaysBefore);
        Assert.Equal(ReminderSchedule.Default.UnassignmentDaysBefore, new ReminderOptions().ToSchedule().UnassignmentDaysBefore);
        Assert.Equal(9, ReminderSchedule.Default.ReminderHour);
    }

    [Fact]
    public void An_offset_outside_0_to_366_fails_the_start()
    {
        var options = Provider(("Reminders:DisputeDaysBefore:0", "400")).GetRequiredService<IOptions<ReminderOptions>>();
        Assert.Throws<OptionsValidationException>(() => options.Value);
    }

    [Fact]
    public void The_rulebook_settings_are_bound_and_validated()
    {
        var bound = Provider(("Rulebook:CaseNoteWindowMonths", "24"), ("Rulebook:TimeZoneId", "America/Chicago"))
            .GetRequiredService<IOptions<RulebookOptions>>().Value;
        Assert.Equal(24, bound.CaseNoteWindowMonths);
        Assert.Equal("America/Chicago", bound.TimeZoneId);

        var invalid = Provider(("Rulebook:TimeZoneId", "Mars/Olympus")).GetRequiredService<IOptions<RulebookOptions>>();
        Assert.Throws<OptionsValidationException>(() => invalid.Value);
    }

    private static ServiceProvider Provider(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddWorkflowServices(configuration).BuildServiceProvider();
    }
}
