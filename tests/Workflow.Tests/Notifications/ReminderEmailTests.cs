using System.Text.RegularExpressions;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Workflow.Tests.Notifications;

public sealed partial class ReminderEmailTests
{
    private static readonly PlainLanguageEmailTemplates Templates = new();

    private static EmailTemplateModel Model => new("Casey", "Bright Futures EN")
    {
        TicketholderName = "Aliyah Example",
        TicketId = "T-1001",
        DueDate = new DateOnly(2026, 1, 26),
        Details = "Ticket T-1001. 14 calendar days after 2026-01-12 (the later signature date): 2026-01-26 (Monday).",
        RuleId = "iwp-submission",
        RuleText = "The IWP reaches the TPM no later than 14 calendar days after both signed (EN Guide for Working with Ticketholders, Individual Work Plan > Submitting IWPs)",
        RecordAt = "record the submission in TicketFlow: POST /api/v1/tickets/T-1001/events with type IwpSubmitted",
    };

    public static TheoryData<EmailTemplateId> StaffTemplates => new()
    {
        EmailTemplateId.ContactAttemptDue, EmailTemplateId.IwpSubmissionDue, EmailTemplateId.UnassignmentRisk, EmailTemplateId.DisputeDeadline,
        EmailTemplateId.ComplianceEscalation, EmailTemplateId.AddressNeedsAttention, EmailTemplateId.DeadlineMissed, EmailTemplateId.ReviewFollowUp,
        EmailTemplateId.EarningsCheckpoint, EmailTemplateId.RecordsMayBeDestroyed,
    };

    [Theory]
    [MemberData(nameof(StaffTemplates))]
    public void A_reminder_subject_names_the_ticket_never_the_ticketholder(EmailTemplateId template)
    {
        var email = Templates.Render(template, Model);
        Assert.DoesNotContain("Aliyah", email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Example", email.Subject, StringComparison.Ordinal);
        Assert.Contains("T-1001", email.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StaffTemplates))]
    public void A_reminder_names_its_deadline_and_where_to_record_it_in_one_date_format(EmailTemplateId template)
    {
        var email = Templates.Render(template, Model);
        Assert.Contains("Rule: iwp-submission - The IWP reaches the TPM", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("Due date: Monday, January 26, 2026", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("Where to record it: record the submission in TicketFlow: POST /api/v1/tickets/T-1001/events", email.PlainText, StringComparison.Ordinal);
        Assert.DoesNotMatch(IsoDate(), email.PlainText);
        Assert.DoesNotMatch(IsoDate(), email.Html);
        Assert.Contains("Monday, January 12, 2026", email.PlainText, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
