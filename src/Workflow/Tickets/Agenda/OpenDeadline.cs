using System.Text.Json.Serialization;
using TicketFlow.Workflow.Reminders;

namespace TicketFlow.Workflow.Tickets.Agenda;

/// <summary>A deadline whose clock is running for a ticket, with who hears about it and when.</summary>
/// <param name="RuleId">The rulebook rule.</param>
/// <param name="ClockStartedOn">The date that started the clock.</param>
/// <param name="DueOn">The due date the rulebook computed.</param>
/// <param name="Explanation">How the due date was counted, for the reminder's reader.</param>
/// <param name="ReminderDaysBefore">Days before the due date to remind; empty for none.</param>
/// <param name="ReminderAudience">Who the reminders go to.</param>
/// <param name="OverdueAudience">Who is told the day after the due date, when it passed.</param>
public sealed record OpenDeadline(
    string RuleId,
    DateOnly ClockStartedOn,
    DateOnly DueOn,
    string Explanation,
    IReadOnlyList<int> ReminderDaysBefore,
    Audience ReminderAudience,
    Audience OverdueAudience)
{
    /// <summary>The deadline's key: one rule, one clock start.</summary>
    [JsonIgnore]
    public string Key => $"{RuleId}@{ClockStartedOn:yyyy-MM-dd}";
}
