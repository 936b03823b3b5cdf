using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tests.Support;

namespace TicketFlow.Workflow.Tests.Iwps;

public class IwpComplianceCheckerTests
{
    private static readonly IwpComplianceChecker Checker = IwpComplianceChecker.Default;
    private static readonly DateOnly Today = new(2025, 7, 1);

    private static IwpCheckResult CheckSampleWith(string path, string? json) =>
        Checker.Check(IwpJson.Deserialize(RepositoryFiles.SampleWith(path, json)), Today);

    [Fact]
    public void The_sample_IWP_has_no_findings_and_is_due_at_the_TPM_14_days_after_the_later_signature()
    {
        var result = Checker.Check(IwpJson.Deserialize(RepositoryFiles.SampleIwpJson), Today);
        Assert.Empty(result.Findings);
        Assert.False(result.HasBlockingFindings);
        Assert.NotNull(result.SubmissionDeadline);
        Assert.Equal(new DateOnly(2025, 6, 17), result.SubmissionDeadline.Date); // later signature 2025-06-03
    }

    [Theory]
    [InlineData("2025-06-10", "2025-06-02", "2025-06-24")] // the ticketholder signs last
    [InlineData("2025-06-01", "2025-06-09", "2025-06-23")] // the EN signs last
    [InlineData("2025-06-05", "2025-06-05", "2025-06-19")] // same day; due on Juneteenth, no roll
    public void The_submission_clock_starts_at_the_later_signature_whoever_signs_last(string ticketholder, string en, string due)
    {
        var iwp = IwpJson.Deserialize(RepositoryFiles.SampleIwpJson);
        var signatures = iwp.Signatures!;
        iwp = iwp with
        {
            Discussion = iwp.Discussion! with { Date = new DateOnly(2025, 5, 27) },
            Signatures = signatures with
            {
                Ticketholder = signatures.Ticketholder! with { Date = DateOnly.Parse(ticketholder, System.Globalization.CultureInfo.InvariantCulture) },
                EmploymentNetwork = signatures.EmploymentNetwork! with { Date = DateOnly.Parse(en, System.Globalization.CultureInfo.InvariantCulture) },
            },
        };
        var result = Checker.Check(iwp, Today);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), result.SubmissionDeadline!.Date);
    }

    [Theory]
    // Signatures: the IWP is not valid until both parties sign and date it (003, Part Three).
    [InlineData("/signatures/ticketholder/date", "null", "iwp-signatures", "$.signatures.ticketholder.date")]
    [InlineData("/signatures/employmentNetwork/date", null, "iwp-signatures", "$.signatures.employmentNetwork.date")]
    [InlineData("/signatures/employmentNetwork", "null", "iwp-signatures", "$.signatures.employmentNetwork")]
    [InlineData("/signatures/ticketholder/name", "\"  \"", "iwp-signatures", "$.signatures.ticketholder.name")]
    [InlineData("/signatures/ticketholder/date", "\"2025-07-02\"", "iwp-signatures", "$.signatures.ticketholder.date")] // after "today"
    // The ten statements of 20 CFR 411.465(a).
    [InlineData("/goals/vocationalGoal", "\"\"", "iwp-statement-1-vocational-goal", "$.goals.vocationalGoal")]
    [InlineData("/services", "[]", "iwp-statement-2-services", "$.services")]
    [InlineData("/termsAndConditions/serviceConditions", null, "iwp-statement-3-terms", "$.termsAndConditions.serviceConditions")]
    [InlineData("/termsAndConditions/noChargeToTicketholder", null, "iwp-statement-4-no-charge", "$.termsAndConditions.noChargeToTicketholder")]
    [InlineData("/termsAndConditions/enAmendmentOrTermination", null, "iwp-statement-5-en-amend-or-end", "$.termsAndConditions.enAmendmentOrTermination")]
    [InlineData("/termsAndConditions/ticketholderRights", null, "iwp-statement-6-rights", "$.termsAndConditions.ticketholderRights")]
    [InlineData("/termsAndConditions/remedies", null, "iwp-statement-7-remedies", "$.termsAndConditions.remedies")]
    [InlineData("/termsAndConditions/privacy", null, "iwp-statement-8-privacy", "$.termsAndConditions.privacy")]
    [InlineData("/termsAndConditions/amendmentByMutualAgreement", null, "iwp-statement-9-mutual-amendment", "$.termsAndConditions.amendmentByMutualAgreement")]
    [InlineData("/termsAndConditions/accessibleFormatCopy", null, "iwp-statement-10-accessible-copy", "$.termsAndConditions.accessibleFormatCopy")]
    [InlineData("/statementOfUnderstanding", "null", "iwp-statement-of-understanding", "$.statementOfUnderstanding")]
    // Part One (003): PID, business model, contacts; 001: no part-time-only model.
    [InlineData("/employmentNetwork/pid", null, "iwp-en-pid", "$.employmentNetwork.pid")]
    [InlineData("/employmentNetwork/businessModel", "\"\"", "iwp-business-model", "$.employmentNetwork.businessModel")]
    [InlineData("/employmentNetwork/partTimeEmploymentOnly", "true", "iwp-part-time-only-model", "$.employmentNetwork.partTimeEmploymentOnly")]
    [InlineData("/employmentNetwork/name", null, "iwp-en-contact", "$.employmentNetwork.name")]
    [InlineData("/ticketholder/name", null, "iwp-ticketholder-contact", "$.ticketholder.name")]
    [InlineData("/alternateContact", null, "iwp-alternate-contact", "$.alternateContact")]
    // Part Two: discussion, work history, goals, services.
    [InlineData("/discussion/date", null, "iwp-discussion", "$.discussion.date")]
    [InlineData("/discussion/modality", "null", "iwp-discussion", "$.discussion.modality")]
    [InlineData("/discussion/whyGoalsAreAttainable", null, "iwp-discussion-synopsis", "$.discussion.whyGoalsAreAttainable")]
    [InlineData("/discussion/howServicesHelp", "\"\"", "iwp-discussion-synopsis", "$.discussion.howServicesHelp")]
    [InlineData("/workHistory", null, "iwp-work-history", "$.workHistory")]
    [InlineData("/workHistory/jobs", "[]", "iwp-work-history", "$.workHistory.jobs")]
    [InlineData("/goals/shortTerm", null, "iwp-goals", "$.goals.shortTerm")]
    [InlineData("/goals/longTerm/hoursPerWeek", null, "iwp-goals", "$.goals.longTerm.hoursPerWeek")]
    [InlineData("/goals/shortTerm/monthlyEarnings", "0", "iwp-goals", "$.goals.shortTerm.monthlyEarnings")]
    [InlineData("/services/1/description", "\"\"", "iwp-service-description", "$.services[1].description")]
    [InlineData("/services/2/description", null, "iwp-service-description", "$.services[2].description")]
    public void A_missing_required_part_is_a_blocking_finding(string path, string? json, string ruleId, string field)
    {
        var result = CheckSampleWith(path, json);
        var finding = Assert.Single(result.Findings, f => f.RuleId == ruleId);
        Assert.Equal(FindingSeverity.Blocking, finding.Severity);
        Assert.Equal(field, finding.Field);
        Assert.True(result.HasBlockingFindings);
        Assert.Equal(IwpChecks.All.Single(c => c.Id == ruleId).Citation, finding.Citation);
    }

    [Theory]
    // 2026 TWL is $1,210 (short-term target 2026-03-31): $1,200 is below it.
    [InlineData("/goals/shortTerm/monthlyEarnings", "1200", "iwp-short-term-below-twl", "$.goals.shortTerm.monthlyEarnings")]
    // 2026 SGA is $1,690; long-term target 2029 is beyond the table, so 2026's amounts are used.
    [InlineData("/goals/longTerm/monthlyEarnings", "1680", "iwp-long-term-below-sga", "$.goals.longTerm.monthlyEarnings")]
    [InlineData("/goals/longTerm/advancement", null, "iwp-statement-1-advancement", "$.goals.longTerm.advancement")]
    [InlineData("/goals/longTerm/employmentType", "\"partTime\"", "iwp-goal-progression", "$.goals.longTerm.employmentType")]
    [InlineData("/goals/shortTerm/targetDate", "\"2027-01-15\"", "iwp-goal-progression", "$.goals.shortTerm.targetDate")] // beyond 18 months of 2025-06-03
    [InlineData("/goals/longTerm/targetDate", "\"2030-06-04\"", "iwp-goal-progression", "$.goals.longTerm.targetDate")]  // beyond five years
    [InlineData("/workHistory/monthsCovered", "5", "iwp-work-history-detail", "$.workHistory.monthsCovered")]
    [InlineData("/workHistory/jobs/0/monthlyEarnings", null, "iwp-work-history-detail", "$.workHistory.jobs[0].monthlyEarnings")]
    [InlineData("/discussion/date", "\"2025-06-03\"", "iwp-discussion-before-signing", "$.discussion.date")] // after the EN's 2025-06-02 signature
    [InlineData("/services/0/description", "\"We will explain how work affects benefits.\"", "iwp-benefits-counseling", "$.services[0].description")]
    [InlineData("/termsAndConditions/remedies", "\"Aliyah may complain to our director.\"", "iwp-statement-content", "$.termsAndConditions.remedies")]
    [InlineData("/termsAndConditions/ticketholderRights", "\"Aliyah has rights.\"", "iwp-statement-content", "$.termsAndConditions.ticketholderRights")]
    [InlineData("/signatures/ticketholder/method", null, "iwp-signature-method", "$.signatures.ticketholder.method")]
    public void Guidance_not_followed_is_an_advisory_finding(string path, string? json, string ruleId, string field)
    {
        var result = CheckSampleWith(path, json);
        var finding = Assert.Single(result.Findings, f => f.RuleId == ruleId);
        Assert.Equal(FindingSeverity.Advisory, finding.Severity);
        Assert.Equal(field, finding.Field);
        Assert.False(result.HasBlockingFindings);
    }

    [Theory]
    [InlineData("2024-12-31", 1109, true)]   // 2024 TWL $1,110
    [InlineData("2024-12-31", 1110, false)]
    [InlineData("2025-06-30", 1159, true)]   // 2025 TWL $1,160
    [InlineData("2025-06-30", 1160, false)]
    [InlineData("2026-01-01", 1209, true)]   // 2026 TWL $1,210
    [InlineData("2026-01-01", 1210, false)]
    public void The_short_term_goal_is_compared_with_the_TWL_of_its_target_year(string target, int earnings, bool finding)
    {
        var json = RepositoryFiles.SampleWith("/goals/shortTerm/targetDate", $"\"{target}\"");
        var iwp = IwpJson.Deserialize(json);
        iwp = iwp with { Goals = iwp.Goals! with { ShortTerm = iwp.Goals.ShortTerm! with { MonthlyEarnings = earnings } } };
        Assert.Equal(finding, Checker.Check(iwp, Today).Findings.Any(f => f.RuleId == IwpChecks.ShortTermBelowTwl.Id));
    }

    [Theory]
    [InlineData("2026-12-31", false, 1689, true)]   // 2026 SGA $1,690
    [InlineData("2026-12-31", false, 1690, false)]
    [InlineData("2026-12-31", true, 2829, true)]    // 2026 blind SGA $2,830
    [InlineData("2026-12-31", true, 2830, false)]
    [InlineData("2025-12-31", true, 2699, true)]    // 2025 blind SGA $2,700 (target before the short-term goal is another finding)
    public void The_long_term_goal_is_compared_with_the_SGA_of_its_target_year_blind_or_not(string target, bool blind, int earnings, bool finding)
    {
        var iwp = IwpJson.Deserialize(RepositoryFiles.SampleIwpJson);
        iwp = iwp with
        {
            Ticketholder = iwp.Ticketholder! with { StatutorilyBlind = blind },
            Goals = iwp.Goals! with { LongTerm = iwp.Goals.LongTerm! with { MonthlyEarnings = earnings, TargetDate = DateOnly.Parse(target, System.Globalization.CultureInfo.InvariantCulture) } },
        };
        var sga = Checker.Check(iwp, Today).Findings.Where(f => f.RuleId == IwpChecks.LongTermBelowSga.Id).ToList();
        Assert.Equal(finding, sga.Count == 1);
        if (finding && blind)
            Assert.Contains("blind", sga[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_goal_year_beyond_the_table_says_so_and_which_years_amounts_were_used()
    {
        var result = CheckSampleWith("/goals/longTerm/monthlyEarnings", "1000");
        var finding = Assert.Single(result.Findings, f => f.RuleId == IwpChecks.LongTermBelowSga.Id);
        Assert.Contains("no TWL/SGA amounts for 2029", finding.Message, StringComparison.Ordinal);
        Assert.Contains("compared with 2026's", finding.Message, StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.StartsWith("The long-term goal (2029): no TWL/SGA amounts for 2029", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"2026-03-31\"", false)]   // before 2026-04-03, the 10th month after the 2025-06-03 signature
    [InlineData("\"2026-04-03\"", false)]   // the 10th month's date itself
    [InlineData("\"2026-04-04\"", true)]
    [InlineData("\"2026-11-30\"", true)]
    public void A_short_term_goal_reaching_TWL_only_after_the_tenth_month_is_advisory(string targetDate, bool finding)
    {
        var result = CheckSampleWith("/goals/shortTerm/targetDate", targetDate);
        Assert.Equal(finding, result.Findings.Any(f => f.RuleId == IwpChecks.ShortTermTwlAfterTenthMonth.Id && f.Severity == FindingSeverity.Advisory));
        Assert.False(result.HasBlockingFindings);
    }

    [Theory]
    [InlineData("/goals/shortTerm/targetDate", "$.goals.shortTerm.targetDate")]
    [InlineData("/goals/longTerm/targetDate", "$.goals.longTerm.targetDate")]
    public void A_goal_without_a_target_date_is_advisory_SMART_timely(string path, string field)
    {
        var result = CheckSampleWith(path, null);
        var finding = Assert.Single(result.Findings, f => f.RuleId == IwpChecks.GoalTargetDate.Id);
        Assert.Equal((FindingSeverity.Advisory, field), (finding.Severity, finding.Field));
        Assert.Contains("timely", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/goals/shortTerm/monthlyEarnings", "-1")]
    [InlineData("/goals/longTerm/hoursPerWeek", "-40")]
    [InlineData("/workHistory/monthsCovered", "-6")]
    public void A_negative_amount_does_not_match_the_schema(string path, string json)
    {
        var error = Assert.Throws<IwpFormatException>(() => IwpJson.Deserialize(RepositoryFiles.SampleWith(path, json)));
        Assert.Contains("the schema's minimum is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signatures_dated_at_the_end_of_the_calendar_are_findings_not_crashes()
    {
        var json = RepositoryFiles.SampleWith("/signatures/ticketholder/date", "\"9999-12-31\"");
        var result = Checker.Check(IwpJson.Deserialize(json), Today);
        Assert.Contains(result.Findings, f => f.RuleId == IwpChecks.Signatures.Id && f.Field == "$.signatures.ticketholder.date");
        Assert.Null(result.SubmissionDeadline);
    }

    [Fact]
    public void An_unchecked_service_needs_no_description()
    {
        var result = CheckSampleWith("/services/6", "{\"service\": \"training\", \"checked\": false}");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == IwpChecks.ServiceDescription.Id);
    }

    [Fact]
    public void An_empty_IWP_is_blocked_on_every_required_part_and_has_no_submission_date()
    {
        var result = Checker.Check(IwpJson.Deserialize("{}"), Today);
        var blocking = result.Findings.Where(f => f.Severity == FindingSeverity.Blocking).Select(f => f.RuleId).ToHashSet();
        var required = IwpChecks.All.Where(c => c.Severity == FindingSeverity.Blocking && c != IwpChecks.PartTimeOnlyModel && c != IwpChecks.ServiceDescription).Select(c => c.Id);
        Assert.All(required, id => Assert.Contains(id, blocking));
        Assert.Null(result.SubmissionDeadline);
        Assert.Equal(result.Findings.OrderBy(f => f.Severity).ToList(), result.Findings);
    }

    [Fact]
    public void Every_check_has_a_unique_id_a_requirement_and_a_citation_to_a_seed_document()
    {
        Assert.Equal(IwpChecks.All.Count, IwpChecks.All.Select(c => c.Id).Distinct().Count());
        var documents = SeedDocuments.All;
        Assert.All(IwpChecks.All, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Requirement));
            Assert.Contains(c.Citation.Document, documents);
            Assert.False(string.IsNullOrWhiteSpace(c.Citation.Section));
        });
    }

    [Fact]
    public void The_ten_statements_of_411_465_a_each_have_a_check()
    {
        var sections = IwpChecks.All.Select(c => c.Citation.Section).ToList();
        for (var n = 1; n <= 10; n++)
            Assert.Contains(sections, s => s.StartsWith($"20 CFR 411.465(a)({n})", StringComparison.Ordinal));
    }
}
