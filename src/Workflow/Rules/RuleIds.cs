namespace TicketFlow.Workflow.Rules;

/// <summary>The ids of the rules in <see cref="Rulebook"/>, for code that asks for one by name.</summary>
public static class RuleIds
{
    /// <summary>The IWP reaches the TPM within 14 calendar days after the later signature.</summary>
    public const string IwpSubmission = "iwp-submission";

    /// <summary>An EN with Ticket Portal rights assigns the ticket within 14 calendar days of the signatures.</summary>
    public const string TicketAssignment = "ticket-assignment";

    /// <summary>Program Integrity reviews an IWP within 7 business days from receipt.</summary>
    public const string PmReview = "pm-review";

    /// <summary>Initial Job Acquisition: two-way contact at least monthly.</summary>
    public const string IjaFollowUp = "ija-follow-up";

    /// <summary>Initial Job Acquisition: unassign within 60 days of the initial contact attempt without two-way contact.</summary>
    public const string IjaUnassign = "ija-unassign";

    /// <summary>Ongoing Support: two-way contact at least quarterly.</summary>
    public const string OspFollowUp = "osp-follow-up";

    /// <summary>Ongoing Support: unassign within 180 days of the initial contact attempt without two-way contact.</summary>
    public const string OspUnassign = "osp-unassign";

    /// <summary>The PM recommends a dispute resolution within 20 calendar days of the written request.</summary>
    public const string DisputeRecommendation = "dispute-recommendation";

    /// <summary>A party may ask SSA for a decision within 30 calendar days of receiving the recommendation.</summary>
    public const string DisputeDecisionRequest = "dispute-decision-request";

    /// <summary>Ticketholder records may be destroyed three years after unassignment.</summary>
    public const string RecordRetention = "record-retention";

    /// <summary>Monthly earnings at the Trial Work Level by the 10th month after the IWP is signed.</summary>
    public const string TwlEarningsGoal = "twl-earnings-goal";

    /// <summary>Monthly earnings at the Substantial Gainful Activity level after the first year of work.</summary>
    public const string SgaEarningsGoal = "sga-earnings-goal";

    /// <summary>The first day of the case-note window a Services and Supports review covers.</summary>
    public const string CaseNoteWindow = "ss-case-notes";
}
