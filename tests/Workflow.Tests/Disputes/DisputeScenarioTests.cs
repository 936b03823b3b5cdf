using Microsoft.DurableTask.Client;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.Disputes.Events;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tests.Support;
using static TicketFlow.Workflow.Tests.Support.WorkflowScenario;

namespace TicketFlow.Workflow.Tests.Disputes;

public sealed class DisputeScenarioTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static DeadlineRecord Deadline(WorkflowScenario scenario, string disputeId, string ruleId) =>
        Assert.Single(scenario.Records.Deadlines.Values, d => d.SubjectId == DisputeOrchestrator.SubjectIdFor(disputeId) && d.RuleId == ruleId);

    [Fact]
    public async Task A_late_recommendation_is_overdue_then_met_late_and_an_unused_decision_window_expires()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 3, 1));
        var instanceId = await scenario.RequestDisputeAsync("D-1", D(2026, 3, 2));

        // 20 calendar days after 2026-03-02 is Sunday 2026-03-22: not moved.
        await scenario.RaiseDisputeAsync("D-1", new RecommendationReceived(D(2026, 3, 25), "staff"));
        var recommendation = Deadline(scenario, "D-1", RuleIds.DisputeRecommendation);
        Assert.Equal((D(2026, 3, 22), DeadlineState.MetLate, 3), (recommendation.DueOn, recommendation.State, recommendation.DaysLate));

        await scenario.RunUntilAsync(D(2026, 4, 26));

        Assert.Equal(
            [
                (D(2026, 3, 15), EmailTemplateId.DisputeDeadline, StaffEmail),
                (D(2026, 3, 20), EmailTemplateId.DisputeDeadline, StaffEmail),
                (D(2026, 3, 22), EmailTemplateId.DisputeDeadline, StaffEmail),
                (D(2026, 3, 23), EmailTemplateId.DeadlineMissed, ComplianceEmail),
                (D(2026, 4, 17), EmailTemplateId.DisputeDeadline, StaffEmail),
                (D(2026, 4, 22), EmailTemplateId.DisputeDeadline, StaffEmail),
                (D(2026, 4, 24), EmailTemplateId.DisputeDeadline, StaffEmail),
            ],
            scenario.DisputeEmails("D-1"));
        var window = Deadline(scenario, "D-1", RuleIds.DisputeDecisionRequest);
        Assert.Equal((D(2026, 3, 25), D(2026, 4, 24), DeadlineState.Expired), (window.ClockStartedOn, window.DueOn, window.State));
        var dispute = scenario.Records.Disputes[(EnPid, "D-1")];
        Assert.Equal((DisputeStatus.WindowExpired, D(2026, 4, 25)), (dispute.Status, dispute.ClosedOn));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await scenario.Client.GetInstanceAsync(instanceId))!.RuntimeStatus);
    }

    [Fact]
    public async Task A_decision_request_within_30_days_of_the_recommendation_closes_the_dispute()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 3, 1));
        await scenario.RequestDisputeAsync("D-2", D(2026, 3, 2));
        await scenario.RaiseDisputeAsync("D-2", new RecommendationReceived(D(2026, 3, 16), "staff"));

        await scenario.RaiseDisputeAsync("D-2", new DecisionRequested(D(2026, 4, 10), "staff", DisputeParty.StateVrAgency));

        Assert.Equal(DeadlineState.Met, Deadline(scenario, "D-2", RuleIds.DisputeDecisionRequest).State);
        Assert.Equal(DisputeStatus.DecisionRequested, scenario.Records.Disputes[(EnPid, "D-2")].Status);
    }

    [Fact]
    public async Task A_decision_request_before_any_recommendation_is_refused_and_recorded()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 3, 1));
        await scenario.RequestDisputeAsync("D-3", D(2026, 3, 2));

        await scenario.RaiseDisputeAsync("D-3", new DecisionRequested(D(2026, 3, 5), "staff", DisputeParty.EmploymentNetwork));

        Assert.Equal(DisputeStatus.AwaitingRecommendation, scenario.Records.Disputes[(EnPid, "D-3")].Status);
        var refusal = Assert.Single(scenario.Records.Audit.Values, a => a.Subject == "dispute D-3");
        Assert.Equal("refused: DecisionRequested is not allowed while the dispute is AwaitingRecommendation; it is allowed while it is RecommendationReceived", refusal.Outcome);

        await scenario.RaiseDisputeAsync("D-3", new DisputeResolved(D(2026, 3, 6), "staff"));
        Assert.Equal(DisputeStatus.Resolved, scenario.Records.Disputes[(EnPid, "D-3")].Status);
        Assert.Equal(DeadlineState.Cancelled, Deadline(scenario, "D-3", RuleIds.DisputeRecommendation).State);
    }
}
