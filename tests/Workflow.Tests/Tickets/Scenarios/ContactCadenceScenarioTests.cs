using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tests.Support;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;
using static TicketFlow.Workflow.Tests.Support.WorkflowScenario;

namespace TicketFlow.Workflow.Tests.Tickets.Scenarios;

public sealed class ContactCadenceScenarioTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>A ticket assigned on 2026-01-15 after a compliant review.</summary>
    private static async Task<WorkflowScenario> AssignedTicketAsync(string ticketNumber)
    {
        var scenario = await WorkflowScenario.StartAsync(D(2026, 1, 2));
        await scenario.RegisterTicketAsync(ticketNumber);
        await scenario.RaiseAsync(ticketNumber, new IwpSigned(D(2026, 1, 5), "staff", "iwp-1", D(2026, 1, 5), D(2026, 1, 5), false));
        await scenario.RaiseAsync(ticketNumber, new IwpSubmitted(D(2026, 1, 6), "staff"));
        await scenario.RaiseAsync(ticketNumber, new TpmReceiptRecorded(D(2026, 1, 7), "staff"));
        await scenario.RaiseAsync(ticketNumber, new ReviewDecisionRecorded(D(2026, 1, 15), "staff", Compliant: true));
        return scenario;
    }

    [Fact]
    public async Task Three_failed_attempts_then_the_ticket_must_be_unassigned_on_day_60_with_reminders_and_an_escalation()
    {
        await using var scenario = await AssignedTicketAsync("T-200");
        await scenario.RaiseAsync("T-200", new ContactAttemptRecorded(D(2026, 1, 20), "staff", "n1", ContactMethod.Phone, false));
        await scenario.RaiseAsync("T-200", new ContactAttemptRecorded(D(2026, 1, 27), "staff", "n2", ContactMethod.Email, false));
        await scenario.RaiseAsync("T-200", new ContactAttemptRecorded(D(2026, 2, 3), "staff", "n3", ContactMethod.Letter, false));

        await scenario.RunUntilAsync(D(2026, 3, 23));

        var unassign = scenario.Deadline("T-200", RuleIds.IjaUnassign);
        Assert.Equal((D(2026, 1, 20), D(2026, 3, 21), DeadlineState.Overdue), (unassign.ClockStartedOn, unassign.DueOn, unassign.State));
        var unassignEmails = scenario.Emails("T-200").Where(e => e.Template == EmailTemplateId.UnassignmentRisk).Select(e => e.Day);
        Assert.Equal([D(2026, 3, 7), D(2026, 3, 14), D(2026, 3, 20)], unassignEmails);
        Assert.Contains((D(2026, 3, 22), EmailTemplateId.DeadlineMissed, ComplianceEmail), scenario.Emails("T-200"));

        // Contact reminders say how many attempts were made against the three a period needs.
        var reminder = Assert.Single(scenario.Email.Sent, s => s.Message.TicketId == "T-200" && s.Message.TemplateId == EmailTemplateId.ContactAttemptDue
            && s.Message.Model.DueDate == D(2026, 2, 15) && s.At.UtcDateTime.Date == new DateTime(2026, 2, 5));
        Assert.Contains("Contact attempts since the last two-way contact: 3; at least 3", reminder.Message.Model.Details, StringComparison.Ordinal);

        await scenario.RaiseAsync("T-200", new TicketUnassigned(D(2026, 3, 23), "staff", UnassignmentReason.LostContact));
        Assert.Equal(DeadlineState.Met, scenario.Deadline("T-200", RuleIds.IjaUnassign).State);
        Assert.Equal(TicketStatus.Unassigned, scenario.Records.Tickets[(EnPid, "T-200")].Status);
    }

    [Fact]
    public async Task Two_way_contact_on_the_last_day_of_the_period_meets_it_and_cancels_the_unassignment_clock()
    {
        await using var scenario = await AssignedTicketAsync("T-201");
        await scenario.RaiseAsync("T-201", new ContactAttemptRecorded(D(2026, 1, 20), "staff", "n1", ContactMethod.Phone, false));

        await scenario.RaiseAsync("T-201", new ContactAttemptRecorded(D(2026, 2, 15), "staff", "n2", ContactMethod.Phone, TwoWay: true));
        await scenario.RunUntilAsync(D(2026, 2, 20));

        var periods = scenario.Records.Deadlines.Values.Where(d => d.RuleId == RuleIds.IjaFollowUp).OrderBy(d => d.DueOn).ToList();
        Assert.Equal([(D(2026, 2, 15), DeadlineState.Met), (D(2026, 3, 15), DeadlineState.Open)], periods.Select(d => (d.DueOn, d.State)));
        Assert.Equal(DeadlineState.Cancelled, scenario.Deadline("T-201", RuleIds.IjaUnassign).State);
        Assert.DoesNotContain(scenario.Emails("T-201"), e => e.Template == EmailTemplateId.DeadlineMissed);
    }

    [Fact]
    public async Task A_case_note_that_comes_with_its_contact_is_written_once_with_the_ticket_change_and_the_ticket_record_is_not_rewritten()
    {
        await using var scenario = await AssignedTicketAsync("T-203");
        var before = scenario.Records.Tickets[(EnPid, "T-203")];
        var note = new CaseNote(EnPid, "T-203", "n1", D(2026, 1, 20), CaseNoteKind.TwoWayContact, ContactMethod.Phone, "s1", "Talked about the job search.");

        await scenario.RaiseAsync("T-203", new ContactAttemptRecorded(D(2026, 1, 20), "key:cms", "n1", ContactMethod.Phone, TwoWay: true, note));

        Assert.Equal(note, scenario.Records.CaseNotes[(EnPid, "T-203", "n1")]);
        Assert.Contains(scenario.AuditOf("T-203"), a => a.Action == "contact attempt recorded" && a.Actor == "key:cms" && a.Outcome == "done");
        Assert.Equal(DeadlineState.Met, scenario.Records.Deadlines.Values.Single(d => d.SubjectId == "T-203" && d.RuleId == RuleIds.IjaFollowUp && d.DueOn == D(2026, 2, 15)).State);
        Assert.Same(before, scenario.Records.Tickets[(EnPid, "T-203")]);
    }

    [Fact]
    public async Task A_no_contact_request_that_comes_with_its_case_note_writes_it_and_starts_the_60_day_clock()
    {
        await using var scenario = await AssignedTicketAsync("T-205");
        var note = new CaseNote(EnPid, "T-205", "n1", D(2026, 1, 22), CaseNoteKind.NoContactRequest, null, "s1", "Asked not to be contacted.");

        await scenario.RaiseAsync("T-205", new NoContactRequested(D(2026, 1, 22), "key:cms", note));

        Assert.Equal(note, scenario.Records.CaseNotes[(EnPid, "T-205", "n1")]);
        var unassign = scenario.Deadline("T-205", RuleIds.IjaUnassign);
        Assert.Equal((D(2026, 1, 22), D(2026, 3, 23)), (unassign.ClockStartedOn, unassign.DueOn));
    }

    [Fact]
    public async Task A_contact_the_tickets_state_refuses_keeps_its_case_note_as_evidence_and_records_the_refusal()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 1, 2));
        await scenario.RegisterTicketAsync("T-204");
        var note = new CaseNote(EnPid, "T-204", "n1", D(2026, 1, 5), CaseNoteKind.ContactAttempt, ContactMethod.Phone, "s1", "Left a voicemail.");

        await scenario.RaiseAsync("T-204", new ContactAttemptRecorded(D(2026, 1, 5), "key:cms", "n1", ContactMethod.Phone, TwoWay: false, note));

        Assert.Equal(note, scenario.Records.CaseNotes[(EnPid, "T-204", "n1")]);
        Assert.Contains(scenario.AuditOf("T-204"), a => a.Action == "contact attempt recorded" && a.Outcome.StartsWith("refused:", StringComparison.Ordinal));
        Assert.Equal(TicketStatus.Registered, scenario.Records.Tickets[(EnPid, "T-204")].Status);
    }

    [Fact]
    public async Task A_month_without_two_way_contact_is_overdue_and_the_next_month_starts()
    {
        await using var scenario = await AssignedTicketAsync("T-202");

        await scenario.RunUntilAsync(D(2026, 3, 20));

        var periods = scenario.Records.Deadlines.Values.Where(d => d.RuleId == RuleIds.IjaFollowUp).OrderBy(d => d.DueOn).ToList();
        Assert.Equal(
            [(D(2026, 2, 15), DeadlineState.Overdue), (D(2026, 3, 15), DeadlineState.Overdue), (D(2026, 4, 15), DeadlineState.Open)],
            periods.Select(d => (d.DueOn, d.State)));
        Assert.Equal(
            [D(2026, 1, 26), D(2026, 2, 5), D(2026, 2, 12), D(2026, 2, 23), D(2026, 3, 5), D(2026, 3, 12)],
            scenario.Emails("T-202").Where(e => e.Template == EmailTemplateId.ContactAttemptDue).Select(e => e.Day));
    }

    [Fact]
    public async Task A_phase_change_mid_period_switches_to_quarterly_follow_up_and_the_180_day_rule_from_the_same_initial_attempt()
    {
        await using var scenario = await AssignedTicketAsync("T-203");
        await scenario.RaiseAsync("T-203", new ContactAttemptRecorded(D(2026, 2, 1), "staff", "n1", ContactMethod.Phone, false));

        await scenario.RaiseAsync("T-203", new PhaseChanged(D(2026, 2, 5), "staff"));

        Assert.Equal(DeadlineState.Cancelled, scenario.Deadline("T-203", RuleIds.IjaUnassign).State);
        var unassign = scenario.Deadline("T-203", RuleIds.OspUnassign);
        Assert.Equal((D(2026, 2, 1), D(2026, 7, 31), DeadlineState.Open), (unassign.ClockStartedOn, unassign.DueOn, unassign.State));
        Assert.Equal(D(2026, 5, 5), scenario.Deadline("T-203", RuleIds.OspFollowUp).DueOn);
        Assert.Equal(TicketStatus.OngoingSupport, scenario.Records.Tickets[(EnPid, "T-203")].Status);
    }

    [Fact]
    public async Task A_no_contact_request_stops_follow_up_reminders_and_makes_unassignment_due_60_days_later()
    {
        await using var scenario = await AssignedTicketAsync("T-204");

        await scenario.RaiseAsync("T-204", new NoContactRequested(D(2026, 1, 22), "staff"));
        await scenario.RunUntilAsync(D(2026, 3, 24));

        Assert.Equal(DeadlineState.Cancelled, scenario.Deadline("T-204", RuleIds.IjaFollowUp).State);
        var unassign = scenario.Deadline("T-204", RuleIds.IjaUnassign);
        Assert.Equal((D(2026, 3, 23), DeadlineState.Overdue), (unassign.DueOn, unassign.State));
        Assert.DoesNotContain(scenario.Emails("T-204"), e => e.Template == EmailTemplateId.ContactAttemptDue && e.Day > D(2026, 1, 22));
    }

    [Fact]
    public async Task A_check_in_email_goes_to_the_ticketholder_once_and_counts_as_an_attempt_by_email()
    {
        await using var scenario = await AssignedTicketAsync("T-205");

        await scenario.RaiseAsync("T-205", new CheckInEmailRequested(D(2026, 1, 21), "staff", "s1"));

        var checkIn = Assert.Single(scenario.Email.Sent, s => s.Message.TemplateId == EmailTemplateId.CheckIn).Message;
        Assert.Equal("th-T-205@mail.example", Assert.Single(checkIn.To).Address);
        var note = Assert.Single(scenario.Records.CaseNotes.Values);
        Assert.Equal((CaseNoteKind.ContactAttempt, ContactMethod.Email, D(2026, 1, 21)), (note.Kind, note.Method, note.On));
        Assert.Equal(D(2026, 1, 21), scenario.Deadline("T-205", RuleIds.IjaUnassign).ClockStartedOn);
    }
}
