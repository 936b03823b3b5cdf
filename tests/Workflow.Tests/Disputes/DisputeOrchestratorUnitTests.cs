using Microsoft.DurableTask;
using Moq;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.Disputes.Events;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Tests.Disputes;

/// <summary>
/// Orchestrator unit tests in the style Microsoft documents for Durable Functions: mock
/// <see cref="TaskOrchestrationContext"/> with Moq, answer the activity calls and events, run the orchestrator's
/// RunAsync directly and check what it did. No engine, no time: use these as the example when you extend a workflow;
/// the scenario tests (Support/WorkflowScenario) then run the real thing on the engine with virtual time.
/// </summary>
public sealed class DisputeOrchestratorUnitTests
{
    private static readonly DateOnly ReceivedOn = new(2026, 3, 2);
    private static readonly DisputeSettings Settings = new("P00001", "D-1", "State VR Agency", "America/New_York", ReceivedOn, ReminderSchedule.Default);

    [Fact]
    public async Task A_dispute_resolved_before_the_recommendation_closes_as_resolved_and_cancels_the_deadline()
    {
        var context = ContextAnswering(new DisputeResolved(ReceivedOn.AddDays(3), "staff s1"));
        var records = new List<DeadlineRecord>();
        context.Setup(c => c.CallActivityAsync<int>(nameof(RecordDeadlinesActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => records.AddRange((DeadlineRecord[])input!))
            .ReturnsAsync(1);

        var status = await new DisputeOrchestrator(DeadlineCalculator.Default).RunAsync(context.Object, Settings);

        Assert.Equal(DisputeStatus.Resolved, status);
        Assert.Equal([DeadlineState.Open, DeadlineState.Cancelled], records.Select(r => r.State));
        Assert.All(records, r => Assert.Equal(ReceivedOn.AddDays(20), r.DueOn)); // 20 calendar days (20 CFR 411.435(c)(2))
        context.Verify(c => c.CallActivityAsync<bool>(
            nameof(RecordDisputeChangeActivity),
            It.Is<DisputeChange>(change => change.Status == DisputeStatus.Resolved && change.ClosedOn == ReceivedOn.AddDays(3)),
            It.IsAny<TaskOptions?>()), Times.Once);
    }

    [Fact]
    public async Task A_recommendation_opens_the_30_day_decision_request_window()
    {
        var recommendedOn = ReceivedOn.AddDays(10);
        var context = ContextAnswering(new RecommendationReceived(recommendedOn, "pm"), new DecisionRequested(recommendedOn.AddDays(5), "staff s1", DisputeParty.EmploymentNetwork));
        var records = new List<DeadlineRecord>();
        context.Setup(c => c.CallActivityAsync<int>(nameof(RecordDeadlinesActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => records.AddRange((DeadlineRecord[])input!))
            .ReturnsAsync(1);

        var status = await new DisputeOrchestrator(DeadlineCalculator.Default).RunAsync(context.Object, Settings);

        Assert.Equal(DisputeStatus.DecisionRequested, status);
        var window = records.Where(r => r.ClockStartedOn == recommendedOn).ToList();
        Assert.Equal([DeadlineState.Open, DeadlineState.Met], window.Select(r => r.State));
        Assert.All(window, r => Assert.Equal(recommendedOn.AddDays(30), r.DueOn));
    }

    /// <summary>
    /// A context whose clock stands at 09:00 on the receipt day, whose timers never fire (each wait is answered by the
    /// next event instead) and whose activities succeed.
    /// </summary>
    private static Mock<TaskOrchestrationContext> ContextAnswering(params DisputeEvent[] events)
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.SetupGet(c => c.InstanceId).Returns("dispute:P00001:D-1");
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 3, 2, 14, 0, 0, DateTimeKind.Utc));
        context.Setup(c => c.NewGuid()).Returns(Guid.NewGuid);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        var answers = new Queue<DisputeEvent>(events);
        context.Setup(c => c.WaitForExternalEvent<DisputeEventMessage>(nameof(DisputeEventMessage), It.IsAny<CancellationToken>()))
            .Returns(() => Task.FromResult(new DisputeEventMessage(answers.Dequeue())));
        context.Setup(c => c.CallActivityAsync<bool>(nameof(RecordDisputeChangeActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync(true);
        context.Setup(c => c.CallActivityAsync<int>(nameof(SendReminderActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync(1);
        return context;
    }
}
