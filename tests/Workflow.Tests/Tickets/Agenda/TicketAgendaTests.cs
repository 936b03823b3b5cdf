using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Agenda;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Workflow.Tests.Tickets.Agenda;

public sealed class TicketAgendaTests
{
    private static readonly TicketAgenda Agenda = new(DeadlineCalculator.Default);

    private static TicketState NewTicket(bool portal = false) => TicketState.Registered(
        new TicketSettings("P0001", "T-1", "America/New_York", portal, RetentionPolicy.ConfirmBeforeDisposal, ReminderSchedule.Default),
        new DateOnly(2026, 1, 5));

    private static TicketState Apply(TicketState state, TicketEvent e)
    {
        var decision = TicketTransitions.Check(state.Facts, e);
        Assert.True(decision.Allowed, decision.Reason);
        return state.Apply(e, decision.NextStatus!.Value);
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static TicketState Signed(string enSigned, string ticketholderSigned)
    {
        var later = D(enSigned) > D(ticketholderSigned) ? D(enSigned) : D(ticketholderSigned);
        return Apply(NewTicket(), new IwpSigned(later, "staff", "iwp-1", D(enSigned), D(ticketholderSigned), false));
    }

    private static TicketState Assigned(string on)
    {
        var state = Signed("2026-01-05", "2026-01-05");
        state = Apply(state, new IwpSubmitted(D("2026-01-06"), "staff"));
        state = Apply(state, new TpmReceiptRecorded(D("2026-01-07"), "staff"));
        return Apply(state, new ReviewDecisionRecorded(D(on), "staff", Compliant: true));
    }

    [Fact]
    public void Submission_is_due_14_days_after_the_later_signature()
    {
        // The EN signed on the 2nd, the ticketholder on the 6th: the clock starts on the 6th.
        var state = Signed("2026-02-02", "2026-02-06");

        var deadline = Assert.Single(Agenda.OpenDeadlines(state));

        Assert.Equal(RuleIds.IwpSubmission, deadline.RuleId);
        Assert.Equal(D("2026-02-06"), deadline.ClockStartedOn);
        Assert.Equal(D("2026-02-20"), deadline.DueOn);
    }

    [Fact]
    public void Submission_due_on_a_weekend_is_not_moved()
    {
        // 2026-03-14 + 14 days = 2026-03-28, a Saturday: calendar-day deadlines do not roll.
        var deadline = Assert.Single(Agenda.OpenDeadlines(Signed("2026-03-14", "2026-03-14")));

        Assert.Equal(D("2026-03-28"), deadline.DueOn);
        Assert.Equal(DayOfWeek.Saturday, deadline.DueOn.DayOfWeek);
    }

    [Fact]
    public void Staff_are_reminded_7_and_2_days_before_and_on_the_due_date_then_the_compliance_contact_the_day_after()
    {
        var state = Signed("2026-02-06", "2026-02-06");

        var items = Agenda.Items(state, D("2026-02-06"));

        Assert.Equal(
            [
                (D("2026-02-13"), AgendaItemKind.Reminder, Audience.Staff),
                (D("2026-02-18"), AgendaItemKind.Reminder, Audience.Staff),
                (D("2026-02-20"), AgendaItemKind.Reminder, Audience.Staff),
                (D("2026-02-21"), AgendaItemKind.Overdue, Audience.ComplianceContact),
            ],
            items.Select(i => (i.On, i.Kind, i.Audience)));
    }

    [Fact]
    public void Reminders_dated_before_today_are_dropped_but_the_overdue_mark_never_is()
    {
        // Signatures recorded late: only what is still ahead is scheduled, and the overdue mark stays.
        var items = Agenda.Items(Signed("2026-02-06", "2026-02-06"), today: D("2026-02-19"));

        Assert.Equal([D("2026-02-20"), D("2026-02-21")], items.Select(i => i.On));
    }

    [Fact]
    public void Submission_closes_the_submission_deadline_and_receipt_opens_the_review_clock()
    {
        var state = Apply(Signed("2026-02-06", "2026-02-06"), new IwpSubmitted(D("2026-02-10"), "staff"));
        Assert.Empty(Agenda.OpenDeadlines(state));

        state = Apply(state, new TpmReceiptRecorded(D("2026-02-12"), "staff"));

        var review = Assert.Single(Agenda.OpenDeadlines(state));
        Assert.Equal(RuleIds.PmReview, review.RuleId);
        Assert.Equal(D("2026-02-24"), review.DueOn); // 7 business days; 2026-02-16 is Washington's Birthday.
    }

    [Fact]
    public void A_review_spanning_christmas_and_new_year_skips_the_holidays()
    {
        var state = Signed("2026-12-10", "2026-12-10");
        state = Apply(state, new IwpSubmitted(D("2026-12-18"), "staff"));
        state = Apply(state, new TpmReceiptRecorded(D("2026-12-22"), "staff"));

        var review = Assert.Single(Agenda.OpenDeadlines(state));
        var items = Agenda.Items(state, D("2026-12-22"));

        // Business days after 12-22: 23, 24, 28, 29, 30, 31 (Christmas is a Friday), then 2027-01-04
        // (New Year's Day 2027 is a Friday).
        Assert.Equal(D("2027-01-04"), review.DueOn);
        var overdue = Assert.Single(items);
        Assert.Equal((D("2027-01-05"), AgendaItemKind.Overdue, Audience.Staff), (overdue.On, overdue.Kind, overdue.Audience));
    }

    [Fact]
    public void An_ticket_assigned_in_the_portal_keeps_the_assignment_window_open_after_submission()
    {
        var state = TicketState.Registered(NewTicket(portal: true).Settings, D("2026-01-05"));
        state = Apply(state, new IwpSigned(D("2026-02-06"), "staff", "iwp-1", D("2026-02-06"), D("2026-02-06"), false));
        state = Apply(state, new IwpSubmitted(D("2026-02-09"), "staff"));

        var deadline = Assert.Single(Agenda.OpenDeadlines(state));
        Assert.Equal(RuleIds.TicketAssignment, deadline.RuleId);

        state = Apply(state, new PortalAssignmentRecorded(D("2026-02-10"), "staff"));
        Assert.DoesNotContain(Agenda.OpenDeadlines(state), d => d.RuleId == RuleIds.TicketAssignment);
    }

    [Fact]
    public void Assignment_opens_a_monthly_follow_up_in_initial_job_acquisition()
    {
        var state = Assigned("2026-01-15");

        var followUp = Assert.Single(Agenda.OpenDeadlines(state));

        Assert.Equal(RuleIds.IjaFollowUp, followUp.RuleId);
        Assert.Equal(D("2026-02-15"), followUp.DueOn);
    }

    [Fact]
    public void Three_failed_attempts_start_the_unassignment_clock_at_the_initial_attempt_due_on_day_60()
    {
        var state = Assigned("2026-01-15");
        state = Apply(state, new ContactAttemptRecorded(D("2026-01-20"), "staff", "n1", ContactMethod.Phone, false));
        state = Apply(state, new ContactAttemptRecorded(D("2026-01-27"), "staff", "n2", ContactMethod.Email, false));
        state = Apply(state, new ContactAttemptRecorded(D("2026-02-03"), "staff", "n3", ContactMethod.Letter, false));

        var unassign = Assert.Single(Agenda.OpenDeadlines(state), d => d.RuleId == RuleIds.IjaUnassign);

        Assert.Equal(D("2026-01-20"), unassign.ClockStartedOn);
        Assert.Equal(D("2026-03-21"), unassign.DueOn); // 2026-01-20 + 60 days
        Assert.Contains(Agenda.Items(state, D("2026-02-03")), i => i.On == D("2026-03-22") && i.Kind == AgendaItemKind.Overdue && i.Deadline == unassign);
    }

    [Fact]
    public void Two_way_contact_on_the_last_day_of_a_period_meets_it_and_starts_the_next_from_that_day()
    {
        var state = Assigned("2026-01-15");
        state = Apply(state, new ContactAttemptRecorded(D("2026-01-20"), "staff", "n1", ContactMethod.Phone, false));

        state = Apply(state, new ContactAttemptRecorded(D("2026-02-15"), "staff", "n2", ContactMethod.Phone, TwoWay: true));

        var followUp = Assert.Single(Agenda.OpenDeadlines(state));
        Assert.Equal(RuleIds.IjaFollowUp, followUp.RuleId);
        Assert.Equal(D("2026-02-15"), followUp.ClockStartedOn);
        Assert.Equal(D("2026-03-15"), followUp.DueOn);
        Assert.Null(state.InitialContactAttemptOn);
    }

    [Fact]
    public void A_missed_period_rolls_the_follow_up_to_the_next_period()
    {
        var state = Assigned("2026-01-15").FollowUpPeriodMissed(D("2026-02-15"));

        var followUp = Assert.Single(Agenda.OpenDeadlines(state));

        Assert.Equal(D("2026-03-15"), followUp.DueOn);
    }

    [Fact]
    public void A_phase_change_in_the_middle_of_a_period_switches_to_quarterly_follow_up_and_keeps_the_earlier_unassignment_date()
    {
        var state = Assigned("2026-01-15");
        state = Apply(state, new ContactAttemptRecorded(D("2026-02-01"), "staff", "n1", ContactMethod.Phone, false));

        state = Apply(state, new PhaseChanged(D("2026-02-05"), "staff"));

        var deadlines = Agenda.OpenDeadlines(state);
        var followUp = Assert.Single(deadlines, d => d.RuleId == RuleIds.OspFollowUp);
        var unassign = Assert.Single(deadlines, d => d.RuleId == RuleIds.IjaUnassign);
        Assert.Equal(D("2026-05-05"), followUp.DueOn);
        Assert.Equal(D("2026-02-01"), unassign.ClockStartedOn); // the initial attempt is kept
        Assert.Equal(D("2026-04-02"), unassign.DueOn); // 60 days: earlier than 180 days (2026-07-31), so it stands
        Assert.DoesNotContain(deadlines, d => d.RuleId is RuleIds.IjaFollowUp or RuleIds.OspUnassign);
    }

    [Theory]
    [InlineData("2026-02-01", "2026-02-10", 1)]                           // one attempt
    [InlineData("2026-01-20,2026-02-10", "2026-02-11", 2)]                // a month with two attempts
    [InlineData("2026-01-20,2026-01-27,2026-02-03", "2026-02-04", 3)]     // three within one month
    [InlineData("2026-01-20,2026-02-10,2026-03-05", "2026-03-06", 2)]     // three, never three within one month
    public void The_facts_count_the_most_attempts_within_one_month_since_the_last_two_way_contact(string attempts, string today, int counted)
    {
        _ = today;
        var state = Assigned("2026-01-15");
        var n = 0;
        foreach (var on in attempts.Split(','))
            state = Apply(state, new ContactAttemptRecorded(D(on), "staff", $"n{++n}", ContactMethod.Phone, false));

        var facts = Agenda.FactsOf(state);
        Assert.NotNull(facts.ContactAttempts);
        Assert.Equal((counted, 3, 1, counted >= 3), (facts.ContactAttempts.Logged, facts.ContactAttempts.Required, facts.ContactAttempts.PeriodMonths, facts.ContactAttempts.Enough));
    }

    [Fact]
    public void A_no_contact_request_stops_follow_up_and_runs_the_unassignment_clock_from_the_request()
    {
        var state = Assigned("2026-01-15");

        state = Apply(state, new NoContactRequested(D("2026-01-22"), "staff"));

        var unassign = Assert.Single(Agenda.OpenDeadlines(state));
        Assert.Equal(RuleIds.IjaUnassign, unassign.RuleId);
        Assert.Equal(D("2026-03-23"), unassign.DueOn);
    }

    [Fact]
    public void Earnings_checkpoints_fall_10_months_after_signature_and_a_year_after_work_starts()
    {
        var state = Apply(Assigned("2026-01-15"), new WorkStarted(D("2026-03-02"), "staff"));

        var checkpoints = Agenda.Items(state, D("2026-03-02")).Where(i => i.Kind == AgendaItemKind.EarningsCheckpoint).ToList();

        Assert.Equal([(D("2026-11-05"), RuleIds.TwlEarningsGoal), (D("2027-03-02"), RuleIds.SgaEarningsGoal)],
            checkpoints.Select(i => (i.On, i.RuleId)));
    }

    [Fact]
    public void Unassignment_ends_every_contact_deadline_and_schedules_the_end_of_retention_three_years_later()
    {
        var state = Apply(Assigned("2026-01-15"), new TicketUnassigned(D("2026-06-30"), "staff", UnassignmentReason.ByTicketholder));

        Assert.Empty(Agenda.OpenDeadlines(state));
        var item = Assert.Single(Agenda.Items(state, D("2026-06-30")));
        Assert.Equal((D("2029-06-30"), AgendaItemKind.RetentionPeriodEnds), (item.On, item.Kind));
    }

    [Fact]
    public void Handled_items_are_not_scheduled_again_and_forgotten_once_the_agenda_drops_them()
    {
        var state = Signed("2026-02-06", "2026-02-06");
        var first = Agenda.Next(state, D("2026-02-06"))!;

        state = Agenda.MarkHandled(state, first.Key, D("2026-02-13"));
        Assert.NotEqual(first.Key, Agenda.Next(state, D("2026-02-13"))!.Key);

        state = Apply(state, new IwpSubmitted(D("2026-02-14"), "staff"));
        state = Agenda.MarkHandled(state, null, D("2026-02-14"));
        Assert.Empty(state.Handled);
    }
}
