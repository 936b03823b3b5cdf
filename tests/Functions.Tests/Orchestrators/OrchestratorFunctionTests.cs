using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TicketFlow.Functions.Tests.Hosts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.Disputes.Events;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Functions.Tests.Orchestrators;

/// <summary>
/// The orchestrators the Functions app registers, run on a mocked <see cref="TaskOrchestrationContext"/> as Microsoft
/// documents for Durable Functions unit tests, created the way the app's registry creates them (its services).
/// </summary>
public sealed class OrchestratorFunctionTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc);
    private readonly FunctionsAppHost app = FunctionsAppHost.Build(FunctionsAppHost.StorageSettings("UseDevelopmentStorage=true", "orch", "docs", Path.GetTempPath()));

    [Fact]
    public async Task A_dispute_opens_the_pms_20_day_recommendation_deadline_and_closes_resolved_when_the_parties_settle()
    {
        var orchestrator = ActivatorUtilities.CreateInstance<DisputeOrchestrator>(app.Services);
        var received = new DateOnly(2026, 3, 2);
        var context = new Mock<TaskOrchestrationContext>();
        var deadlines = new List<DeadlineRecord>();
        context.SetupGet(c => c.InstanceId).Returns("dispute:P00001:D-1");
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.Setup(c => c.NewGuid()).Returns(Guid.NewGuid);
        context.Setup(c => c.CallActivityAsync<int>(It.Is<TaskName>(n => n.Name == nameof(RecordDeadlinesActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => deadlines.AddRange((DeadlineRecord[])input!))
            .ReturnsAsync(1);
        context.Setup(c => c.CallActivityAsync<bool>(It.Is<TaskName>(n => n.Name == nameof(RecordDisputeChangeActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(true);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource().Task);
        context.Setup(c => c.WaitForExternalEvent<DisputeEventMessage>(nameof(DisputeEventMessage), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DisputeEventMessage(new DisputeResolved(received.AddDays(5), "en")));

        var status = await orchestrator.RunAsync(context.Object,
            new DisputeSettings("P00001", "D-1", "State VR", "America/New_York", received, ReminderSchedule.Default));

        Assert.Equal(DisputeStatus.Resolved, status);
        Assert.Equal(RuleIds.DisputeRecommendation, deadlines[0].RuleId);
        Assert.Equal(received.AddDays(20), deadlines[0].DueOn);
        Assert.Equal(DeadlineState.Open, deadlines[0].State);
        context.Verify(c => c.CallActivityAsync<bool>(It.Is<TaskName>(n => n.Name == nameof(RecordDisputeChangeActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Once);
    }

    public void Dispose() => app.Dispose();
}
