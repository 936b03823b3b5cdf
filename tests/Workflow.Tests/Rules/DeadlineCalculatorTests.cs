using System.Globalization;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Tests.Rules;

public class DeadlineCalculatorTests
{
    private static readonly DeadlineCalculator Calculator = DeadlineCalculator.Default;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Due(string ruleId, string clockStart) => Calculator.Compute(ruleId, D(clockStart)).Date;

    [Theory]
    [InlineData("2025-03-10", "2025-03-24")]
    [InlineData("2025-03-08", "2025-03-22")]  // due on a Saturday: calendar days do not roll
    [InlineData("2025-12-11", "2025-12-25")]  // due on Christmas Day: no roll
    [InlineData("2024-02-20", "2024-03-05")]  // through February 29, 2024
    [InlineData("2023-02-20", "2023-03-06")]
    [InlineData("2025-12-25", "2026-01-08")]  // across the year end
    public void Submission_is_due_14_calendar_days_after_the_later_signature(string laterSignature, string due) =>
        Assert.Equal(D(due), Due(RuleIds.IwpSubmission, laterSignature));

    [Theory]
    [InlineData("2025-03-10", "2025-03-24")]
    [InlineData("2025-06-05", "2025-06-19")]  // due on Juneteenth: no roll
    public void Portal_assignment_is_due_14_calendar_days_after_the_later_signature(string laterSignature, string due) =>
        Assert.Equal(D(due), Due(RuleIds.TicketAssignment, laterSignature));

    [Theory]
    [InlineData("2025-03-03", "2025-03-12")]  // Monday receipt: Tuesday is day 1
    [InlineData("2025-03-07", "2025-03-18")]  // Friday receipt
    [InlineData("2025-03-08", "2025-03-18")]  // received on a Saturday: Monday is day 1
    [InlineData("2025-12-23", "2026-01-07")]  // 2025-12-24/26 closures, Christmas, 2026-01-01
    [InlineData("2024-12-23", "2025-01-06")]  // 2024-12-24 closure (Executive Order 14129), Christmas, 2025-01-01; not 2025-01-03
    [InlineData("2018-12-03", "2018-12-13")]  // 2018-12-05 closure, National Day of Mourning for President G. H. W. Bush
    [InlineData("2015-12-23", "2016-01-05")]  // 2015-12-24 was a half-day closure: still business day 1
    [InlineData("2021-12-27", "2022-01-06")]  // 2021-12-31 observed New Year's Day 2022, then a weekend
    [InlineData("2020-06-15", "2020-06-24")]  // before 2021 Juneteenth is a business day
    [InlineData("2021-06-14", "2021-06-24")]  // 2021-06-18 observed Juneteenth
    [InlineData("2025-11-24", "2025-12-04")]  // Thanksgiving 2025-11-27
    [InlineData("2024-02-26", "2024-03-06")]  // February 29, 2024 is a business day
    public void Program_Integrity_review_is_due_7_business_days_after_receipt(string receipt, string due) =>
        Assert.Equal(D(due), Due(RuleIds.PmReview, receipt));

    [Theory]
    [InlineData("2025-03-03", "2025-05-02")]
    [InlineData("2024-01-15", "2024-03-15")]  // leap year: January 15 + 60 days
    [InlineData("2023-01-15", "2023-03-16")]
    [InlineData("2025-11-05", "2026-01-04")]  // due on a Sunday across the year end: no roll
    public void Initial_job_acquisition_unassignment_is_due_60_days_after_the_initial_contact_attempt(string attempt, string due) =>
        Assert.Equal(D(due), Due(RuleIds.IjaUnassign, attempt));

    [Theory]
    [InlineData("2025-03-03", "2025-08-30")]
    [InlineData("2024-01-01", "2024-06-29")]  // leap year
    [InlineData("2025-01-01", "2025-06-30")]
    public void Ongoing_support_unassignment_is_due_180_days_after_the_initial_contact_attempt(string attempt, string due) =>
        Assert.Equal(D(due), Due(RuleIds.OspUnassign, attempt));

    [Theory]
    [InlineData("2025-03-15", "2025-04-15")]
    [InlineData("2025-01-31", "2025-02-28")]  // February has no 31st: the last day (earlier is safe)
    [InlineData("2024-01-30", "2024-02-29")]  // leap year
    [InlineData("2025-12-20", "2026-01-20")]
    public void Initial_job_acquisition_follow_up_is_due_a_month_after_the_last_two_way_contact(string contact, string due) =>
        Assert.Equal(D(due), Due(RuleIds.IjaFollowUp, contact));

    [Theory]
    [InlineData("2025-03-15", "2025-06-15")]
    [InlineData("2025-11-30", "2026-02-28")]  // across the year end to a short month
    public void Ongoing_support_follow_up_is_due_three_months_after_the_last_two_way_contact(string contact, string due) =>
        Assert.Equal(D(due), Due(RuleIds.OspFollowUp, contact));

    [Theory]
    [InlineData("2025-03-03", "2025-03-23")]
    [InlineData("2025-12-15", "2026-01-04")]
    [InlineData("2024-02-15", "2024-03-06")]  // 20 CFR 411.435(c)(2), through February 29
    public void The_PM_recommends_a_dispute_resolution_within_20_calendar_days_of_the_request(string receipt, string due) =>
        Assert.Equal(D(due), Due(RuleIds.DisputeRecommendation, receipt));

    [Theory]
    [InlineData("2025-03-03", "2025-04-02")]
    [InlineData("2025-12-02", "2026-01-01")]  // due on New Year's Day: no roll
    [InlineData("2024-02-01", "2024-03-02")]
    public void A_party_may_ask_SSA_for_a_decision_within_30_calendar_days_of_the_recommendation(string receipt, string due) =>
        Assert.Equal(D(due), Due(RuleIds.DisputeDecisionRequest, receipt));

    [Theory]
    [InlineData("2025-03-03", "2028-03-03")]
    [InlineData("2024-02-29", "2027-03-01")]  // no February 29 in 2027: destroying is allowed from March 1 (later is safe)
    [InlineData("2025-12-31", "2028-12-31")]
    public void Records_may_be_destroyed_three_years_after_unassignment(string unassigned, string allowedFrom)
    {
        var deadline = Calculator.Compute(RuleIds.RecordRetention, D(unassigned));
        Assert.Equal(D(allowedFrom), deadline.Date);
        Assert.Equal(DeadlineKind.NotBefore, deadline.Rule.Kind);
    }

    [Theory]
    [InlineData("2025-03-15", "2026-01-15")]
    [InlineData("2025-05-31", "2026-03-31")]
    [InlineData("2024-04-30", "2025-02-28")]  // the 10th month has no 30th
    public void Trial_work_level_earnings_are_due_by_the_10th_month_after_signing(string signed, string due) =>
        Assert.Equal(D(due), Due(RuleIds.TwlEarningsGoal, signed));

    [Theory]
    [InlineData("2025-03-15", "2026-03-15")]
    [InlineData("2024-02-29", "2025-02-28")]
    public void Substantial_gainful_activity_is_the_goal_after_the_first_year_of_work(string workStart, string due) =>
        Assert.Equal(D(due), Due(RuleIds.SgaEarningsGoal, workStart));

    [Theory]
    [InlineData("2025-06-01", "2024-06-01")]
    [InlineData("2025-02-28", "2024-02-28")]
    [InlineData("2025-03-31", "2024-03-31")]
    public void A_services_and_supports_review_covers_the_last_12_months_of_case_notes_by_default(string request, string windowStart) =>
        Assert.Equal(D(windowStart), Due(RuleIds.CaseNoteWindow, request));

    [Fact]
    public void The_case_note_window_follows_the_configured_months()
    {
        var guideWindow = new DeadlineCalculator(new Rulebook(new RulebookOptions { CaseNoteWindowMonths = 36 }), FederalCalendar.Default);
        Assert.Equal(D("2022-06-01"), guideWindow.Compute(RuleIds.CaseNoteWindow, D("2025-06-01")).Date);
        Assert.Contains("36", guideWindow.Rulebook.Get(RuleIds.CaseNoteWindow).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_in_the_rulebook_computes_a_date_with_an_explanation_that_names_it()
    {
        var start = D("2025-07-01");
        foreach (var rule in Rulebook.Default.Rules)
        {
            var deadline = Calculator.Compute(rule.Id, start);
            Assert.Contains(deadline.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), deadline.Explanation, StringComparison.Ordinal);
            Assert.Contains(rule.Span, deadline.Explanation, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', deadline.Explanation);
        }
    }

    [Fact]
    public void A_business_day_explanation_names_the_days_it_skipped()
    {
        var deadline = Calculator.Compute(RuleIds.PmReview, D("2025-12-23"));
        Assert.Contains("2025-12-24 Christmas Eve closure", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("2025-12-25 Christmas Day", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("2026-01-01 New Year's Day", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("4 weekend days", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("day 1", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calendar_day_deadline_on_a_weekend_says_it_does_not_move()
    {
        var deadline = Calculator.Compute(RuleIds.IwpSubmission, D("2025-03-08"));
        Assert.Contains("Saturday", deadline.Explanation, StringComparison.Ordinal);
        Assert.Contains("does not move", deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instant_is_counted_from_its_date_in_the_ENs_zone()
    {
        // 2025-03-10 03:30 UTC is 23:30 on March 9 in New York (EDT, the day DST started).
        var received = new DateTimeOffset(2025, 3, 10, 3, 30, 0, TimeSpan.Zero);
        Assert.Equal(D("2025-03-18"), Calculator.Compute(RuleIds.PmReview, received, EnTimeZone.Default).Date);
        Assert.Equal(D("2025-03-19"), Calculator.Compute(RuleIds.PmReview, received, new EnTimeZone("Europe/Berlin")).Date);
    }

    [Fact]
    public void A_calendar_day_deadline_outside_the_calendars_years_is_still_counted()
    {
        var deadline = Calculator.Compute(RuleIds.DisputeRecommendation, D("1975-06-01"));
        Assert.Equal(D("1975-06-21"), deadline.Date);
        Assert.Contains("Saturday", deadline.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pm-review", "1900-01-02")]       // no federal calendar before 1986
    [InlineData("pm-review", "2200-12-31")]       // nor after 2200
    [InlineData("iwp-submission", "9999-12-25")]  // past the last representable date
    [InlineData("ss-case-notes", "0001-06-01")]
    public void A_date_the_rule_cannot_be_counted_from_is_refused(string rule, string start) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calculator.Compute(rule, D(start)));

    [Fact]
    public void An_unknown_rule_id_lists_the_known_ones()
    {
        var error = Assert.Throws<UnknownRuleException>(() => Calculator.Compute("iwp-submision", D("2025-01-01")));
        Assert.Contains(RuleIds.IwpSubmission, error.Message, StringComparison.Ordinal);
    }
}
