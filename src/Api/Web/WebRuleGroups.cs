using TicketFlow.Workflow.Rules;

namespace TicketFlow.Api.Web;

/// <summary>How the page groups the rulebook's deadlines for staff (the rules themselves stay in the rulebook).</summary>
internal static class WebRuleGroups
{
    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        [RuleIds.IwpSubmission] = "IWP submission",
        [RuleIds.TicketAssignment] = "IWP submission",
        [RuleIds.PmReview] = "Review follow-up",
        [RuleIds.IjaFollowUp] = "Contact attempts",
        [RuleIds.OspFollowUp] = "Contact attempts",
        [RuleIds.IjaUnassign] = "Unassignment",
        [RuleIds.OspUnassign] = "Unassignment",
        [RuleIds.DisputeRecommendation] = "Disputes",
        [RuleIds.DisputeDecisionRequest] = "Disputes",
        [RuleIds.CaseNoteWindow] = "S&S review",
        [RuleIds.RecordRetention] = "Retention",
        [RuleIds.TwlEarningsGoal] = "Earnings checkpoints",
        [RuleIds.SgaEarningsGoal] = "Earnings checkpoints",
    };

    /// <summary>The group a rule is shown under (a rule not listed is shown under its own id).</summary>
    public static string Of(string ruleId) => Groups.GetValueOrDefault(ruleId, ruleId);

    /// <summary>Whether the rule's deadlines belong to a ticket (and link to its page) rather than a dispute or review.</summary>
    public static bool IsTicketRule(string ruleId) => ruleId is not (RuleIds.DisputeRecommendation or RuleIds.DisputeDecisionRequest or RuleIds.CaseNoteWindow);
}
