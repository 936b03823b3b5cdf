using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Durable.Tests.Engines;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.Disputes.Events;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Simulation;

namespace TicketFlow.Workflow.Tests.Disputes;

/// <summary>
/// The real dispute workflow, registered as TicketFlow registers it, on the embedded engine and on Microsoft's
/// in-process host: a dispute resolved on the day it is received needs no timer to fire, so it needs no virtual time
/// and both engines must agree on status, output and every record the activities wrote.
/// </summary>
public sealed class DisputeOnBothEnginesTests
{
    public static TheoryData<Engine> Engines => EngineHost.Both;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_dispute_resolved_on_the_day_it_is_received_closes_alike_on_both_engines(Engine engine)
    {
        var records = new InMemoryRecords();
        var email = new RecordingEmailSender();
        var zone = new EnTimeZone(EnTimeZone.DefaultId);
        var now = DateTimeOffset.UtcNow;
        var today = zone.DateOf(now); // Microsoft's host runs on the real clock: the dispute is received today
        await using var host = await EngineHost.StartAsync(
            engine,
            b => b.AddTicketFlowWorkflows(),
            s =>
            {
                s.AddWorkflowServices();
                foreach (var type in typeof(InMemoryRecords).GetInterfaces())
                {
                    s.AddSingleton(type, records);
                }

                s.AddSingleton<IEmailSender>(email);
                s.AddSingleton<IDocumentStore>(sp => new InMemoryDocumentStore(TimeProvider.System));
            },
            now);
        await records.AddAsync(
            new Dispute("P00001", "D-9", "State VR Agency", DisputeParty.EmploymentNetwork, true, "Payment split", "EN view", "VR view",
                today, null, DisputeStatus.AwaitingRecommendation, null, null, null),
            CancellationToken.None);

        var settings = new DisputeSettings("P00001", "D-9", "State VR Agency", EnTimeZone.DefaultId, today, ReminderSchedule.Default);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DisputeOrchestrator), settings,
            new StartOrchestrationOptions(DisputeSettings.InstanceIdFor("P00001", "D-9")));
        await host.Client.RaiseEventAsync(id, nameof(DisputeEventMessage), new DisputeEventMessage(new DisputeResolved(today, "staff s1")));
        var done = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(DisputeStatus.Resolved, done.ReadOutputAs<DisputeStatus>());
        Assert.Null(done.SerializedCustomStatus);
        var recommendation = DeadlineCalculator.Default.Compute(RuleIds.DisputeRecommendation, today).Date;
        Assert.Equal(
            [(RuleIds.DisputeRecommendation, recommendation, DeadlineState.Open), (RuleIds.DisputeRecommendation, recommendation, DeadlineState.Cancelled)],
            records.DeadlineHistory.Select(h => (h.Record.RuleId, h.Record.DueOn, h.Record.State)));
        var dispute = records.Disputes[("P00001", "D-9")];
        Assert.Equal((DisputeStatus.Resolved, today), (dispute.Status, dispute.ClosedOn));
        Assert.Empty(email.Sent);
    }
}
