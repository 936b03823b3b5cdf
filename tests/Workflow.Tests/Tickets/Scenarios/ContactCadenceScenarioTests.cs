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
        // The reminders before unassignment go to the staff member and the compliance contact.
        foreach (var to in new[] { StaffEmail, ComplianceEmail })
        {
            var unassignEmails = scenario.Emails("T-200").Where(e => e.Template == EmailTemplateId.UnassignmentRisk && e.To == to).Select(e => e.Day);
            Assert.Equal([D(2026, 3, 7), D(2026, 3, 14), D(2026, 3, 20)], unassignEmails);
        }

        var risk = scenario.Email.Sent.First(s => s.Message.TicketId == "T-200" && s.Message.TemplateId == EmailTemplateId.UnassignmentRisk).Message;
        Assert.Contains("3 of the 3 contact attempts within one month", risk.Model.Details, StringComparison.Ordinal);
        Assert.Contains((D(2026, 3, 22), EmailTemplateId.DeadlineMissed, ComplianceEmail), scenario.Emails("T-200"));

        // Contact reminders say how many attempts were made against the three a period needs.
        var reminder = Assert.Single(scenario.Email.Sent, s => s.Message.TicketId == "T-200" && s.Message.TemplateId == EmailTemplateId.ContactAttemptDue
            && s.Message.Model.DueDate == D(2026, 2, 15) && s.At.UtcDateTime.Date == new DateTime(2026, 2, 5));
        Assert.Contains("Contact attempts since the last two-way contact: 3; at least 3", reminder.Message.Model.Details, StringComparison.Ordinal);

        await scenario.RaiseAsync("T-200", new TicketUnassigned(D(2026, 3, 23), "staff", UnassignmentReason.LostContact));
        var settled = scenario.Deadline("T-200", RuleIds.IjaUnassign);
        Assert.Equal((DeadlineState.MetLate, D(2026, 3, 23), 2), (settled.State, settled.CompletedOn, settled.DaysLate));
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
        Assert.Contains(scenario.AuditOf("T-203"), a => a.Action == "two-way contact recorded (phone)" && a.Actor == "key:cms" && a.Outcome == "done");
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
        Assert.Contains(scenario.AuditOf("T-204"), a => a.Action == "contact attempt recorded (phone)" && a.Outcome.StartsWith("refused:", StringComparison.Ordinal));
        Assert.Equal(TicketStatus.Registered, scenario.Records.Tickets[(EnPid, "T-204")].Status);
    }

    [Fact]
    public async Task A_month_without_two_way_contact_is_missed_and_the_next_month_starts()
    {
        await using var scenario = await AssignedTicketAsync("T-202");

        await scenario.RunUntilAsync(D(2026, 3, 20));

        var periods = scenario.Records.Deadlines.Values.Where(d => d.RuleId == RuleIds.IjaFollowUp).OrderBy(d => d.DueOn).ToList();
        Assert.Equal(
            [(D(2026, 2, 15), DeadlineState.Missed), (D(2026, 3, 15), DeadlineState.Missed), (D(2026, 4, 15), DeadlineState.Open)],
            periods.Select(d => (d.DueOn, d.State)));
        Assert.Equal(
            [D(2026, 1, 26), D(2026, 2, 5), D(2026, 2, 12), D(2026, 2, 23), D(2026, 3, 5), D(2026, 3, 12)],
            scenario.Emails("T-202").Where(e => e.Template == EmailTemplateId.ContactAttemptDue).Select(e => e.Day));
    }

    [Theory]
    [InlineData(2026, 2, 5, "quarterly follow-up from the phase change")]
    [InlineData(2026, 3, 20, "a phase change before the 60th day (2026-04-02)")]
    public async Task A_phase_change_never_moves_an_open_unassignment_date_later(int y, int m, int d, string why)
    {
        _ = why;
        await using var scenario = await AssignedTicketAsync("T-203");
        await scenario.RaiseAsync("T-203", new ContactAttemptRecorded(D(2026, 2, 1), "staff", "n1", ContactMethod.Phone, false));

        await scenario.RaiseAsync("T-203", new PhaseChanged(D(y, m, d), "staff"));

        // The initial attempt on 2026-02-01 made unassignment due 2026-04-02 (60 days); the 180-day rule would say
        // 2026-07-31: the earlier date stands.
        var unassign = scenario.Deadline("T-203", RuleIds.IjaUnassign);
        Assert.Equal((D(2026, 2, 1), D(2026, 4, 2), DeadlineState.Open), (unassign.ClockStartedOn, unassign.DueOn, unassign.State));
        Assert.DoesNotContain(scenario.Records.Deadlines.Values, r => r.SubjectId == "T-203" && r.RuleId == RuleIds.OspUnassign);
        Assert.Equal(D(y, m, d).AddMonths(3), scenario.Deadline("T-203", RuleIds.OspFollowUp).DueOn);
        Assert.Equal(TicketStatus.OngoingSupport, scenario.Records.Tickets[(EnPid, "T-203")].Status);
    }

    [Fact]
    public async Task After_two_way_contact_in_Ongoing_Support_a_new_run_of_attempts_has_the_180_day_rule()
    {
        await using var scenario = await AssignedTicketAsync("T-206");
        await scenario.RaiseAsync("T-206", new PhaseChanged(D(2026, 2, 1), "staff"));
        await scenario.RaiseAsync("T-206", new ContactAttemptRecorded(D(2026, 2, 10), "staff", "n1", ContactMethod.Phone, false));

        var unassign = scenario.Deadline("T-206", RuleIds.OspUnassign);
        Assert.Equal((D(2026, 2, 10), D(2026, 8, 9)), (unassign.ClockStartedOn, unassign.DueOn));
    }

    [Theory]
    [InlineData(new[] { 20, 41 }, 2, "a month with two attempts (2026-01-20, 2026-02-10)")]
    [InlineData(new[] { 20 }, 1, "one attempt")]
    [InlineData(new[] { 20, 41, 64 }, 2, "three attempts, but never three within one month")]
    public async Task Unassignment_for_lost_contact_with_fewer_than_three_attempts_in_a_month_is_refused_with_the_count(int[] daysOfJanuary, int counted, string why)
    {
        _ = why;
        await using var scenario = await AssignedTicketAsync("T-207");
        var n = 0;
        foreach (var day in daysOfJanuary)
            await scenario.RaiseAsync("T-207", new ContactAttemptRecorded(D(2026, 1, 1).AddDays(day - 1), "staff", $"n{++n}", ContactMethod.Phone, false));

        await scenario.RaiseAsync("T-207", new TicketUnassigned(D(2026, 3, 19), "staff", UnassignmentReason.LostContact));

        Assert.Equal(TicketStatus.InitialJobAcquisition, scenario.Records.Tickets[(EnPid, "T-207")].Status);
        var refusal = Assert.Single(scenario.AuditOf("T-207"), a => a.Action == "ticket unassigned").Outcome;
        Assert.StartsWith("refused:", refusal, StringComparison.Ordinal);
        Assert.Contains($"at least 3 contact attempts within one month without two-way contact; {counted} ", refusal, StringComparison.Ordinal);
        Assert.Contains("EN Guide for Working with Ticketholders", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_before_unassignment_say_how_many_attempts_are_still_missing()
    {
        await using var scenario = await AssignedTicketAsync("T-208");
        await scenario.RaiseAsync("T-208", new ContactAttemptRecorded(D(2026, 1, 20), "staff", "n1", ContactMethod.Phone, false));
        await scenario.RunUntilAsync(D(2026, 3, 8));

        var risk = Assert.Single(scenario.Email.Sent, s => s.Message.TicketId == "T-208" && s.Message.TemplateId == EmailTemplateId.UnassignmentRisk).Message;
        Assert.Contains("1 of the 3 contact attempts within one month", risk.Model.Details, StringComparison.Ordinal);
        Assert.Contains("Log at least 2 more", risk.Model.Details, StringComparison.Ordinal);
        Assert.Contains(risk.To, a => a.Address == ComplianceEmail);
        Assert.Contains(risk.To, a => a.Address == StaffEmail);
    }

    [Fact]
    public async Task A_no_contact_request_needs_no_attempts_before_unassignment_for_lost_contact()
    {
        await using var scenario = await AssignedTicketAsync("T-209");
        await scenario.RaiseAsync("T-209", new NoContactRequested(D(2026, 1, 22), "staff"));

        await scenario.RaiseAsync("T-209", new TicketUnassigned(D(2026, 2, 1), "staff", UnassignmentReason.LostContact));

        Assert.Equal(TicketStatus.Unassigned, scenario.Records.Tickets[(EnPid, "T-209")].Status);
        Assert.Equal(DeadlineState.Met, scenario.Deadline("T-209", RuleIds.IjaUnassign).State);
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
