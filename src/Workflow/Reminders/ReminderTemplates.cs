using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets.Agenda;

namespace TicketFlow.Workflow.Reminders;

/// <summary>Which email an agenda item sends.</summary>
public static class ReminderTemplates
{
    /// <summary>The template for an agenda item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The template.</returns>
    public static EmailTemplateId For(AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item.Kind, item.RuleId) switch
        {
            (AgendaItemKind.Overdue, RuleIds.PmReview) => EmailTemplateId.ReviewFollowUp,
            (AgendaItemKind.Overdue, _) => EmailTemplateId.DeadlineMissed,
            (AgendaItemKind.EarningsCheckpoint, _) => EmailTemplateId.EarningsCheckpoint,
            (AgendaItemKind.RetentionPeriodEnds, _) => EmailTemplateId.RecordsMayBeDestroyed,
            (_, RuleIds.IwpSubmission or RuleIds.TicketAssignment) => EmailTemplateId.IwpSubmissionDue,
            (_, RuleIds.IjaUnassign or RuleIds.OspUnassign) => EmailTemplateId.UnassignmentRisk,
            (_, RuleIds.DisputeRecommendation or RuleIds.DisputeDecisionRequest) => EmailTemplateId.DisputeDeadline,
            _ => EmailTemplateId.ContactAttemptDue,
        };
    }
}
