using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Iwps;

/// <summary>
/// Every check <see cref="IwpComplianceChecker"/> makes, as data with its citation. The ten statements of
/// 20 CFR 411.465(a) are the "iwp-statement-N-..." checks.
/// </summary>
/// <remarks>
/// TicketFlow's copy of 20 CFR Part 411 ends after 411.465(a)(3): statements (4) to (10) cite the regulation by
/// paragraph and, where 42 U.S.C. 1320b-19 carries the same requirement, quote the statute ((b)(4) and (g)(1)); the
/// two without a statutory twin, (a)(5) and (a)(8), are paraphrased and say so.
/// </remarks>
public static class IwpChecks
{
    private const string Guide = SeedDocuments.EnGuide;
    private const string PartOne = "Individual Work Plan > Part One: Employment Network and Ticketholder Contact Information";
    private const string Discussion = "Individual Work Plan > Part Two, Section 1: Discussion Arrangement";
    private const string WorkHistory = "Individual Work Plan > Part Two, Section 2: Ticketholder's Recent Work History";
    private const string Goals = "Individual Work Plan > Part Two, Section 3: Ticketholder's Employment Goals";
    private const string Services = "Individual Work Plan > Part Two, Section 4: EN Supports and Services";
    private const string PartThree = "Individual Work Plan > Part Three: IWP Terms and Conditions";

    private static readonly Citation PartOneCitation = new(Guide, PartOne,
        "\"An EN must fill in their contact information, including the Provider Identification Number (PID) and business model\" ... \"This section must also include contact information for the Ticketholder and an alternate contact. The EN must fill these sections in completely.\"");

    /// <summary>EN name and contact.</summary>
    public static IwpCheck EnContact { get; } = new("iwp-en-contact", FindingSeverity.Blocking,
        "The EN's name, contact person and a telephone number or email address.", PartOneCitation);

    /// <summary>EN PID.</summary>
    public static IwpCheck EnPid { get; } = new("iwp-en-pid", FindingSeverity.Blocking,
        "The EN's Provider Identification Number (PID).", PartOneCitation);

    /// <summary>Business model named.</summary>
    public static IwpCheck BusinessModel { get; } = new("iwp-business-model", FindingSeverity.Blocking,
        "The business model under which the ticketholder will be served.", PartOneCitation);

    /// <summary>No part-time-only business model.</summary>
    public static IwpCheck PartTimeOnlyModel { get; } = new("iwp-part-time-only-model", FindingSeverity.Blocking,
        "The EN's business model may not be limited to part-time employment only.",
        new(SeedDocuments.IwpSummary, "Individual Work Plan, last paragraph",
            "\"It is unacceptable for an EN to limit its business model to assisting beneficiaries to engage in part time employment only.\""));

    /// <summary>Ticketholder contact.</summary>
    public static IwpCheck TicketholderContact { get; } = new("iwp-ticketholder-contact", FindingSeverity.Blocking,
        "The ticketholder's name and a telephone number, email or postal address.", PartOneCitation);

    /// <summary>Alternate contact.</summary>
    public static IwpCheck AlternateContact { get; } = new("iwp-alternate-contact", FindingSeverity.Blocking,
        "An alternate contact's name and a telephone number or email address.", PartOneCitation);

    /// <summary>Discussion date and modality.</summary>
    public static IwpCheck DiscussionArrangement { get; } = new("iwp-discussion", FindingSeverity.Blocking,
        "The discussion summary's date and modality (face-to-face, telephone...).",
        new(Guide, Discussion, "\"At a minimum, the discussion summary should include:\" the date of the discussion, its modality (face-to-face, telephone...) and a synopsis."));

    /// <summary>Discussion synopsis.</summary>
    public static IwpCheck DiscussionSynopsis { get; } = new("iwp-discussion-synopsis", FindingSeverity.Blocking,
        "A synopsis: why the goals are reasonable and attainable, and how the EN's services will help reach them.",
        new(Guide, Discussion, "\"An explanation describing why the Ticketholder's short-term and long-term goals are reasonable and attainable.\" and \"How your EN's services and supports will assist the Ticketholder to achieve their goals.\""));

    /// <summary>Discussion before signing.</summary>
    public static IwpCheck DiscussionBeforeSigning { get; } = new("iwp-discussion-before-signing", FindingSeverity.Advisory,
        "The discussion that develops the plan takes place on or before the signature dates.",
        new(Guide, Discussion, "\"An EN must document that a one-on-one individualized discussion with the Ticketholder occurred that focused on career planning, development of goals and the services and supports the EN will provide to the Ticketholder.\""));

    /// <summary>Work history present.</summary>
    public static IwpCheck WorkHistoryPresent { get; } = new("iwp-work-history", FindingSeverity.Blocking,
        "The ticketholder's recent work history (or a statement that there was no work in the period).",
        new(Guide, WorkHistory, "\"The IWP should record at least the last six to 18 months of the Ticketholder's work and earnings.\""));

    /// <summary>Work history long enough and with earnings.</summary>
    public static IwpCheck WorkHistoryDetail { get; } = new("iwp-work-history-detail", FindingSeverity.Advisory,
        "At least six months of history, with monthly earnings for each job (to the ticketholder's best knowledge without paystubs).",
        new(Guide, WorkHistory, "\"If the Ticketholder cannot provide paystubs, the EN should record recent earnings to the best of the Ticketholder's knowledge.\""));

    /// <summary>Short- and long-term goals with hours and earnings.</summary>
    public static IwpCheck GoalsMeasurable { get; } = new("iwp-goals", FindingSeverity.Blocking,
        "A short-term and a long-term goal, each described, with hours per week and monthly earnings.",
        new(Guide, Goals, "\"Employment goals should include both short-term and long-term goals.\" Examples of clear and measurable goals include the number of hours, full- or part-time work and type of work."));

    /// <summary>Short-term goal at or above TWL.</summary>
    public static IwpCheck ShortTermBelowTwl { get; } = new("iwp-short-term-below-twl", FindingSeverity.Advisory,
        "The short-term goal's monthly earnings reach the Trial Work Level of the goal's year.",
        new(SeedDocuments.IwpSummary, "Individual Work Plan, paragraph 5",
            "\"The beneficiary (with the support of the EN) should work towards having monthly earnings of Trial Work Level (TWL) dollar amounts or more by at least the tenth month after signing the IWP.\" Also " + Guide + ", " + Goals + "."));

    /// <summary>Long-term goal at or above SGA.</summary>
    public static IwpCheck LongTermBelowSga { get; } = new("iwp-long-term-below-sga", FindingSeverity.Advisory,
        "The long-term goal's monthly earnings reach Substantial Gainful Activity (blind SGA for a statutorily blind ticketholder) of the goal's year.",
        new(Guide, Goals, "\"Ensure that long-term goals for monthly earnings are at or above SGA. For short-term goals, TWL is permissible but only as a tool to move towards earnings above SGA level.\""));

    /// <summary>Short-term goal reaching TWL only after the 10th month after signing.</summary>
    public static IwpCheck ShortTermTwlAfterTenthMonth { get; } = new("iwp-short-term-twl-after-10th-month", FindingSeverity.Advisory,
        "A short-term goal at TWL earnings is reached by the 10th month after the IWP is signed (rule twl-earnings-goal).",
        new(SeedDocuments.IwpSummary, "Individual Work Plan, paragraph 5",
            "\"The beneficiary (with the support of the EN) should work towards having monthly earnings of Trial Work Level (TWL) dollar amounts or more by at least the tenth month after signing the IWP.\""));

    /// <summary>Each goal has a target date (S.M.A.R.T.: timely).</summary>
    public static IwpCheck GoalTargetDate { get; } = new("iwp-goal-target-date", FindingSeverity.Advisory,
        "Each goal has a target date: a S.M.A.R.T. goal is timely.",
        new(SeedDocuments.QualityIwpWebinar2025, "S.M.A.R.T. Goals",
            "\"Timely: Clear deadline that can be monitored for progress.\""));

    /// <summary>Progression and time frames.</summary>
    public static IwpCheck GoalProgression { get; } = new("iwp-goal-progression", FindingSeverity.Advisory,
        "Goals show progression: the short-term goal within the first 18 months, the long-term goal within three to five years and at higher earnings; not part-time indefinitely.",
        new(Guide, Goals, "\"The short-term goal defines the Ticketholder's employment expectations during the first 18 months of Ticket assignment, and the long-term goals provide employment expectations over the next three to five years.\""));

    /// <summary>Checked service described.</summary>
    public static IwpCheck ServiceDescription { get; } = new("iwp-service-description", FindingSeverity.Blocking,
        "Each checked service says what the EN will provide.",
        new(Guide, Services, "\"If an EN checks a service/support box on SSA Form 1370, they need to specify the service they are going to provide.\""));

    /// <summary>Benefits counseling by a certified counselor or WIPA referral.</summary>
    public static IwpCheck BenefitsCounseling { get; } = new("iwp-benefits-counseling", FindingSeverity.Advisory,
        "Benefits counseling names an SSA-certified benefits counselor or the referral to WIPA through the Ticket to Work Help Line.",
        new(Guide, Services + " > Career Planning > Benefits Counseling",
            "\"The IWP must clearly state that the Ticketholder is being referred to a WIPA via the Ticket to Work Help Line for benefits counseling.\""));

    /// <summary>Regular follow-up listed.</summary>
    public static IwpCheck FollowUpService { get; } = new("iwp-follow-up", FindingSeverity.Advisory,
        "The plan lists regular follow-up with the ticketholder (monthly in Initial Job Acquisition, quarterly in Ongoing Support).",
        new(Guide, Services + " > Regular Follow-Up with Ticketholder during the Initial Job Acquisition Phase",
            "\"ENs must follow up with Ticketholders at least monthly during the initial job acquisition phase to verify and help facilitate Ticketholder progress\""));

    /// <summary>Statement 1.</summary>
    public static IwpCheck Statement1VocationalGoal { get; } = new("iwp-statement-1-vocational-goal", FindingSeverity.Blocking,
        "A statement of the vocational goal developed with the ticketholder, with goals for earnings and job advancement.",
        new(SeedDocuments.Regulations, "20 CFR 411.465(a)(1)",
            "\"A statement of the vocational goal developed with the beneficiary, including, as appropriate, goals for earnings and job advancement;\""));

    /// <summary>Statement 1, advancement part.</summary>
    public static IwpCheck Statement1Advancement { get; } = new("iwp-statement-1-advancement", FindingSeverity.Advisory,
        "The long-term goal says what job advancement it aims at.", Statement1VocationalGoal.Citation);

    /// <summary>Statement 2.</summary>
    public static IwpCheck Statement2Services { get; } = new("iwp-statement-2-services", FindingSeverity.Blocking,
        "A statement of the services and supports needed to reach the goal: at least one checked, described service.",
        new(SeedDocuments.Regulations, "20 CFR 411.465(a)(2)",
            "\"A statement of the services and supports necessary for the beneficiary to accomplish that goal;\""));

    /// <summary>Statement 3.</summary>
    public static IwpCheck Statement3Terms { get; } = Statement("iwp-statement-3-terms", "20 CFR 411.465(a)(3)",
        "A statement of any terms and conditions related to the provision of the services and supports.",
        "\"A statement of any terms and conditions related to the provision of these services and supports;\"", SeedDocuments.Regulations);

    /// <summary>Statement 4.</summary>
    public static IwpCheck Statement4NoCharge { get; } = Statement("iwp-statement-4-no-charge", "20 CFR 411.465(a)(4); 42 U.S.C. 1320b-19(b)(4)",
        "A statement that the EN may not charge the ticketholder for services.",
        "\"An employment network may not request or receive compensation for such services from the beneficiary.\"", SeedDocuments.Statute);

    /// <summary>Statement 5.</summary>
    public static IwpCheck Statement5EnAmendOrEnd { get; } = Statement("iwp-statement-5-en-amend-or-end", "20 CFR 411.465(a)(5)",
        "A statement of the conditions under which the EN may amend the plan or end the relationship.",
        "Paraphrase of 20 CFR 411.465(a)(5): the IWP states the conditions under which the EN may amend the plan or end the relationship (42 U.S.C. 1320b-19 has no matching provision).", SeedDocuments.Regulations);

    /// <summary>Statement 6.</summary>
    public static IwpCheck Statement6Rights { get; } = Statement("iwp-statement-6-rights", "20 CFR 411.465(a)(6); 42 U.S.C. 1320b-19(g)(1)(C)(iv)",
        "A statement of the ticketholder's rights, including the right to take the ticket back if dissatisfied with the services.",
        "\"a statement of understanding regarding the beneficiary's rights under the Program (such as the right to retrieve the ticket to work and self-sufficiency if the beneficiary is dissatisfied with the services being provided by the employment network)\"", SeedDocuments.Statute);

    /// <summary>Statement 7.</summary>
    public static IwpCheck Statement7Remedies { get; } = Statement("iwp-statement-7-remedies", "20 CFR 411.465(a)(7); 42 U.S.C. 1320b-19(g)(1)(C)(iv)",
        "A statement of the remedies available, including advocacy and dispute help through the Protection and Advocacy system.",
        "\"remedies available to the individual, including information on the availability of advocacy services and assistance in resolving disputes through the State grant program authorized under section 1320b–21 of this title\"", SeedDocuments.Statute);

    /// <summary>Statement 8.</summary>
    public static IwpCheck Statement8Privacy { get; } = Statement("iwp-statement-8-privacy", "20 CFR 411.465(a)(8)",
        "A statement of the ticketholder's right to privacy and confidentiality of personal information.",
        "Paraphrase of 20 CFR 411.465(a)(8): the IWP states the beneficiary's right to privacy and to the confidentiality of personal information (42 U.S.C. 1320b-19 has no matching provision).", SeedDocuments.Regulations);

    /// <summary>Statement 9.</summary>
    public static IwpCheck Statement9MutualAmendment { get; } = Statement("iwp-statement-9-mutual-amendment", "20 CFR 411.465(a)(9); 42 U.S.C. 1320b-19(g)(1)(D)",
        "A statement of the right to amend the plan by mutual agreement.",
        "\"provide a beneficiary the opportunity to amend the individual work plan if a change in circumstances necessitates a change in the plan\"", SeedDocuments.Statute);

    /// <summary>Statement 10.</summary>
    public static IwpCheck Statement10AccessibleCopy { get; } = Statement("iwp-statement-10-accessible-copy", "20 CFR 411.465(a)(10); 42 U.S.C. 1320b-19(g)(1)(E)",
        "A statement of the right to a copy of the plan in an accessible format chosen by the ticketholder.",
        "\"make each beneficiary's individual work plan available to the beneficiary in, as appropriate, an accessible format chosen by the beneficiary.\"", SeedDocuments.Statute);

    /// <summary>Statements 6 and 7 name what the regulation names.</summary>
    public static IwpCheck StatementContent { get; } = new("iwp-statement-content", FindingSeverity.Advisory,
        "The rights statement mentions taking the ticket back; the remedies statement mentions the Protection and Advocacy system.",
        Statement6Rights.Citation);

    /// <summary>Statement of understanding.</summary>
    public static IwpCheck StatementOfUnderstanding { get; } = new("iwp-statement-of-understanding", FindingSeverity.Blocking,
        "A statement of understanding, from the ticketholder's point of view.",
        new(Guide, PartThree, "\"Statement of Understanding: Write the Statement of Understanding from the Ticketholder's point of view.\""));

    /// <summary>Both signatures and dates.</summary>
    public static IwpCheck Signatures { get; } = new("iwp-signatures", FindingSeverity.Blocking,
        "Both the ticketholder and the EN representative signed and dated the plan; dates are not in the future.",
        new(Guide, PartThree, "\"The IWP is not valid until the Ticketholder and the EN both sign and date it.\""));

    /// <summary>Signature method.</summary>
    public static IwpCheck SignatureMethod { get; } = new("iwp-signature-method", FindingSeverity.Advisory,
        "Each signature says how it was made (wet or electronic, the approved methods).",
        new(Guide, PartThree, "\"Employment Networks (EN) must use an approved signature method on all Individual Work Plans (IWP).\""));

    /// <summary>All checks, in form order.</summary>
    public static IReadOnlyList<IwpCheck> All { get; } =
    [
        EnContact, EnPid, BusinessModel, PartTimeOnlyModel, TicketholderContact, AlternateContact,
        DiscussionArrangement, DiscussionSynopsis, DiscussionBeforeSigning, WorkHistoryPresent, WorkHistoryDetail,
        Statement1VocationalGoal, Statement1Advancement, GoalsMeasurable, ShortTermBelowTwl, ShortTermTwlAfterTenthMonth, LongTermBelowSga, GoalTargetDate, GoalProgression,
        Statement2Services, ServiceDescription, BenefitsCounseling, FollowUpService,
        Statement3Terms, Statement4NoCharge, Statement5EnAmendOrEnd, Statement6Rights, Statement7Remedies, Statement8Privacy,
        Statement9MutualAmendment, Statement10AccessibleCopy, StatementContent, StatementOfUnderstanding, Signatures, SignatureMethod,
    ];

    private static IwpCheck Statement(string id, string section, string requirement, string text, string document) =>
        new(id, FindingSeverity.Blocking, requirement, new Citation(document, section, text));
}
