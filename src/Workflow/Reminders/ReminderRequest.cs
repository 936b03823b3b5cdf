using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Workflow.Reminders;

/// <summary>A reminder to send: to whom, about what, and the key that makes sending it twice impossible.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="ReminderId">
/// The reminder's id: the orchestration instance and the agenda item's key. It is the email's idempotency key, so a
/// retried or replayed activity never sends it twice.
/// </param>
/// <param name="Template">The email template.</param>
/// <param name="Audience">Who receives it.</param>
/// <param name="TicketNumber">The ticket it is about, if any (the ticketholder's name is looked up from it).</param>
/// <param name="Subject">What it is about, in words (a ticket number, a dispute with an agency, a review).</param>
/// <param name="StaffId">The responsible staff member; null sends staff reminders to every staff member.</param>
/// <param name="DueOn">The due date it is about.</param>
/// <param name="Details">How the date was counted, or other facts for the reader.</param>
/// <param name="RuleId">The rulebook rule the reminder is about, if any.</param>
/// <param name="RuleText">What the rule requires and where it is written.</param>
/// <param name="RecordAt">Where to record what was done.</param>
public sealed record ReminderRequest(
    string EnPid,
    string ReminderId,
    EmailTemplateId Template,
    Audience Audience,
    string? TicketNumber,
    string Subject,
    string? StaffId,
    DateOnly? DueOn,
    string Details,
    string? RuleId = null,
    string? RuleText = null,
    string? RecordAt = null);
