using Microsoft.DurableTask.Client;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Retention;
using TicketFlow.Workflow.Tests.Support;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;
using static TicketFlow.Workflow.Tests.Support.WorkflowScenario;

namespace TicketFlow.Workflow.Tests.Tickets.Scenarios;

public sealed class RecordRetentionScenarioTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static async Task<WorkflowScenario> UnassignedTicketWithRecordsAsync(string ticketNumber, RetentionPolicy policy)
    {
        var scenario = await WorkflowScenario.StartAsync(D(2026, 1, 2));
        await scenario.RegisterTicketAsync(ticketNumber, retention: policy);
        var folder = DocumentFolders.ForTicket(EnPid, ticketNumber);
        using (var pdf = new MemoryStream("%PDF-1.7 signed IWP"u8.ToArray()))
        {
            var document = await scenario.Documents.SaveAsync(folder, DocumentKind.SignedIwp, "iwp-1", pdf, "application/pdf");
            await scenario.Records.UpsertAsync(
                new IwpRecord(EnPid, ticketNumber, "iwp-1", null, D(2026, 1, 5), D(2026, 1, 5), [], document, DateTimeOffset.UnixEpoch),
                CancellationToken.None);
        }

        await scenario.RaiseAsync(ticketNumber, new IwpSigned(D(2026, 1, 5), "staff", "iwp-1", D(2026, 1, 5), D(2026, 1, 5), false));
        await scenario.RaiseAsync(ticketNumber, new IwpSubmitted(D(2026, 1, 6), "staff"));
        await scenario.RaiseAsync(ticketNumber, new TpmReceiptRecorded(D(2026, 1, 7), "staff"));
        await scenario.RaiseAsync(ticketNumber, new ReviewDecisionRecorded(D(2026, 1, 15), "staff", Compliant: true));
        await scenario.Records.UpsertAsync(
            new CaseNote(EnPid, ticketNumber, "n1", D(2026, 1, 20), CaseNoteKind.TwoWayContact, ContactMethod.Phone, "s1", "Talked about the job search."),
            CancellationToken.None);
        await scenario.RaiseAsync(ticketNumber, new ContactAttemptRecorded(D(2026, 1, 20), "staff", "n1", ContactMethod.Phone, TwoWay: true));
        await scenario.RaiseAsync(ticketNumber, new TicketUnassigned(D(2026, 6, 30), "staff", UnassignmentReason.ByTicketholder));
        return scenario;
    }

    [Fact]
    public async Task Three_years_after_unassignment_the_en_is_told_and_on_confirmation_every_personal_record_and_document_is_deleted()
    {
        await using var scenario = await UnassignedTicketWithRecordsAsync("T-300", RetentionPolicy.ConfirmBeforeDisposal);

        await scenario.RunUntilAsync(D(2029, 6, 30));

        Assert.Contains((D(2029, 6, 30), EmailTemplateId.RecordsMayBeDestroyed, ComplianceEmail), scenario.Emails("T-300"));
        Assert.Equal(TicketStatus.RecordsRetained, scenario.Records.Tickets[(EnPid, "T-300")].Status);
        Assert.NotEmpty(scenario.Records.CaseNotes);

        await scenario.RaiseAsync("T-300", new RecordDisposalConfirmed(D(2029, 7, 2), "compliance officer"));

        AssertDisposed(scenario, "T-300");
        var metadata = await scenario.Client.GetInstanceAsync(TicketInstanceId.For(EnPid, "T-300"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata!.RuntimeStatus);
    }

    [Fact]
    public async Task Disposal_before_the_retention_period_ends_is_refused()
    {
        await using var scenario = await UnassignedTicketWithRecordsAsync("T-301", RetentionPolicy.ConfirmBeforeDisposal);

        await scenario.RaiseAsync("T-301", new RecordDisposalConfirmed(D(2027, 1, 4), "staff"));

        Assert.Equal(TicketStatus.Unassigned, scenario.Records.Tickets[(EnPid, "T-301")].Status);
        Assert.NotEmpty(scenario.Records.CaseNotes);
        Assert.StartsWith("refused:", scenario.AuditOf("T-301")[^1].Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_an_automatic_policy_records_are_deleted_when_the_period_ends()
    {
        await using var scenario = await UnassignedTicketWithRecordsAsync("T-302", RetentionPolicy.DisposeAutomatically);

        await scenario.RunUntilAsync(D(2029, 7, 1));

        AssertDisposed(scenario, "T-302");
    }

    private static void AssertDisposed(WorkflowScenario scenario, string ticketNumber)
    {
        Assert.Empty(scenario.Documents.Documents);
        Assert.Empty(scenario.Records.Iwps);
        Assert.Empty(scenario.Records.CaseNotes);
        Assert.Empty(scenario.Records.Ticketholders);
        Assert.DoesNotContain(scenario.Records.Deadlines.Values, d => d.SubjectId == ticketNumber);
        var ticket = scenario.Records.Tickets[(EnPid, ticketNumber)];
        Assert.Equal((TicketStatus.RecordsDisposed, DisposeTicketRecordsActivity.DisposedTicketholderId), (ticket.Status, ticket.TicketholderId));
        var audit = Assert.Single(scenario.AuditOf(ticketNumber), a => a.Action == "dispose records after retention");
        Assert.DoesNotContain($"Ticketholder {ticketNumber}", audit.Outcome, StringComparison.Ordinal);
        Assert.DoesNotContain($"th-{ticketNumber}", audit.Outcome, StringComparison.Ordinal);
        Assert.Contains("1 documents, 1 IWP records, 1 case notes", audit.Outcome, StringComparison.Ordinal);
    }
}
