using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tests.Support;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;
using static TicketFlow.Workflow.Tests.Support.WorkflowScenario;

namespace TicketFlow.Workflow.Tests.Tickets.Scenarios;

public sealed class IwpSubmissionScenarioTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public async Task An_unsubmitted_iwp_reminds_staff_7_and_2_days_before_and_on_the_day_then_escalates_the_day_after()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 2, 2));
        await scenario.RegisterTicketAsync("T-100");

        // Signed on two different days: the window opens at the later one, 2026-02-06; due 2026-02-20.
        await scenario.RaiseAsync("T-100", new IwpSigned(D(2026, 2, 6), "staff", "iwp-1", D(2026, 2, 3), D(2026, 2, 6), false));
        await scenario.RunUntilAsync(D(2026, 2, 22));

        Assert.Equal(
            [
                (D(2026, 2, 13), EmailTemplateId.IwpSubmissionDue, StaffEmail),
                (D(2026, 2, 18), EmailTemplateId.IwpSubmissionDue, StaffEmail),
                (D(2026, 2, 20), EmailTemplateId.IwpSubmissionDue, StaffEmail),
                (D(2026, 2, 21), EmailTemplateId.DeadlineMissed, ComplianceEmail),
            ],
            scenario.Emails("T-100"));
        var deadline = scenario.Deadline("T-100", RuleIds.IwpSubmission);
        Assert.Equal((D(2026, 2, 20), DeadlineState.Overdue), (deadline.DueOn, deadline.State));
    }

    [Fact]
    public async Task An_iwp_record_that_comes_with_its_signatures_is_written_when_accepted_and_not_when_refused()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 2, 2));
        await scenario.RegisterTicketAsync("T-105");
        IwpRecord Record(string id) => new(EnPid, "T-105", id, null, D(2026, 2, 3), D(2026, 2, 3), [], null, DateTimeOffset.UnixEpoch);

        await scenario.RaiseAsync("T-105", new IwpSigned(D(2026, 2, 3), "key:cms", "iwp-1", D(2026, 2, 3), D(2026, 2, 3), false, Record("iwp-1")));
        // A second plan while the first awaits submission is refused by the transition table: its record is not kept.
        await scenario.RaiseAsync("T-105", new IwpSigned(D(2026, 2, 4), "key:cms", "iwp-2", D(2026, 2, 4), D(2026, 2, 4), false, Record("iwp-2")));

        Assert.Equal(["iwp-1"], scenario.Records.Iwps.Keys.Where(k => k.Item2 == "T-105").Select(k => k.Item3));
        Assert.Contains(scenario.AuditOf("T-105"), a => a.Action == "iwp signed" && a.Actor == "key:cms" && a.Outcome == "done");
        Assert.Contains(scenario.AuditOf("T-105"), a => a.Action == "iwp signed" && a.Outcome.StartsWith("refused:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submission_in_time_meets_the_deadline_and_stops_the_reminders()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 2, 2));
        await scenario.RegisterTicketAsync("T-101");
        await scenario.RaiseAsync("T-101", new IwpSigned(D(2026, 2, 6), "staff", "iwp-1", D(2026, 2, 6), D(2026, 2, 6), false));

        await scenario.RaiseAsync("T-101", new IwpSubmitted(D(2026, 2, 16), "staff"));
        await scenario.RunUntilAsync(D(2026, 3, 1));

        Assert.Equal([D(2026, 2, 13)], scenario.Emails("T-101").Select(e => e.Day));
        Assert.Equal(DeadlineState.Met, scenario.Deadline("T-101", RuleIds.IwpSubmission).State);
        Assert.Equal(TicketStatus.IwpSubmitted, scenario.Records.Tickets[(EnPid, "T-101")].Status);
    }

    [Fact]
    public async Task An_iwp_with_a_blocking_finding_cannot_be_recorded_as_submitted_and_the_refusal_is_recorded()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 2, 2));
        await scenario.RegisterTicketAsync("T-102");
        await scenario.RaiseAsync("T-102", new IwpSigned(D(2026, 2, 6), "staff", "iwp-1", D(2026, 2, 6), D(2026, 2, 6), HasBlockingFinding: true));

        await scenario.RaiseAsync("T-102", new IwpSubmitted(D(2026, 2, 9), "staff"));

        Assert.Equal(TicketStatus.IwpSigned, scenario.Records.Tickets[(EnPid, "T-102")].Status);
        var refusal = scenario.AuditOf("T-102")[^1];
        Assert.Equal("iwp submitted", refusal.Action);
        Assert.StartsWith("refused: the IWP has a blocking compliance finding", refusal.Outcome, StringComparison.Ordinal);
        Assert.Equal(DeadlineState.Open, scenario.Deadline("T-102", RuleIds.IwpSubmission).State);
    }

    [Fact]
    public async Task A_review_received_before_christmas_is_due_after_new_year_and_without_a_decision_staff_follow_up()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 12, 1));
        await scenario.RegisterTicketAsync("T-103");
        await scenario.RaiseAsync("T-103", new IwpSigned(D(2026, 12, 10), "staff", "iwp-1", D(2026, 12, 10), D(2026, 12, 10), false));
        await scenario.RaiseAsync("T-103", new IwpSubmitted(D(2026, 12, 18), "staff"));

        await scenario.RaiseAsync("T-103", new TpmReceiptRecorded(D(2026, 12, 22), "staff"));
        await scenario.RunUntilAsync(D(2027, 1, 6));

        Assert.Equal(D(2027, 1, 4), scenario.Deadline("T-103", RuleIds.PmReview).DueOn);
        Assert.Contains((D(2027, 1, 5), EmailTemplateId.ReviewFollowUp, StaffEmail), scenario.Emails("T-103"));

        // Decided on 2027-01-07, three days after the due date: met late, and the record keeps it.
        await scenario.RaiseAsync("T-103", new ReviewDecisionRecorded(D(2027, 1, 7), "staff", Compliant: true));
        var review = scenario.Deadline("T-103", RuleIds.PmReview);
        Assert.Equal((DeadlineState.MetLate, D(2027, 1, 7), 3), (review.State, review.CompletedOn, review.DaysLate));
        Assert.Contains(scenario.Records.DeadlineHistory, h => h.Record.RuleId == RuleIds.PmReview && h.Record.SubjectId == "T-103" && h.Record.State == DeadlineState.Overdue);
        Assert.Equal(TicketStatus.InitialJobAcquisition, scenario.Records.Tickets[(EnPid, "T-103")].Status);
        Assert.Equal(DeadlineState.Open, scenario.Deadline("T-103", RuleIds.IjaFollowUp).State);
    }
}
