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

    /// <summary>Where staff record what a rule asks for, in TicketFlow's API (the same words for every email about the rule).</summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <returns>The place, in words.</returns>
    public static string WhereToRecord(string ruleId, string ticketNumber) => ruleId switch
    {
        RuleIds.IwpSubmission => $"record the submission in TicketFlow: POST /api/v1/tickets/{ticketNumber}/events with type IwpSubmitted and the date it was sent",
        RuleIds.TicketAssignment => $"record the assignment in TicketFlow: POST /api/v1/tickets/{ticketNumber}/events with type PortalAssignmentRecorded",
        RuleIds.PmReview => $"record the decision in TicketFlow when it arrives: POST /api/v1/tickets/{ticketNumber}/events with type ReviewDecisionRecorded",
        RuleIds.IjaFollowUp or RuleIds.OspFollowUp => $"record every attempt and the two-way contact in TicketFlow: POST /api/v1/tickets/{ticketNumber}/contacts",
        RuleIds.IjaUnassign or RuleIds.OspUnassign => $"record contact at POST /api/v1/tickets/{ticketNumber}/contacts, or the unassignment at POST /api/v1/tickets/{ticketNumber}/events with type TicketUnassigned",
        RuleIds.TwlEarningsGoal or RuleIds.SgaEarningsGoal => $"record each month's earnings in TicketFlow: POST /api/v1/tickets/{ticketNumber}/earnings",
        RuleIds.RecordRetention => $"confirm the disposal in TicketFlow: POST /api/v1/tickets/{ticketNumber}/events with type RecordDisposalConfirmed",
        _ => $"record what was done on ticket {ticketNumber} in TicketFlow",
    };
}
