using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;
using static TicketFlow.Workflow.Tickets.TicketStatus;

namespace TicketFlow.Workflow.Tests.Tickets;

public sealed class TicketTransitionsTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static TicketFacts Facts(TicketStatus status, bool blocking = false, bool portal = false) =>
        new(status, blocking, portal, StatusSince: null);

    public static TheoryData<TicketStatus, TicketEvent, TicketStatus> AllowedMoves => new()
    {
        { Registered, new IwpSigned(Day, "staff", "iwp-1", Day, Day, false), TicketStatus.IwpSigned },
        // A not-compliant review sends the EN back for an amended IWP; its signatures reopen the window.
        { AmendmentNeeded, new IwpSigned(Day, "staff", "iwp-2", Day, Day, false), TicketStatus.IwpSigned },
        { TicketStatus.IwpSigned, new IwpSubmitted(Day, "staff"), TicketStatus.IwpSubmitted },
        { TicketStatus.IwpSubmitted, new TpmReceiptRecorded(Day, "staff"), UnderReview },
        { UnderReview, new ReviewDecisionRecorded(Day, "staff", Compliant: true), InitialJobAcquisition },
        { UnderReview, new ReviewDecisionRecorded(Day, "staff", Compliant: false), AmendmentNeeded },
        { UnderReview, new IwpAmended(Day, "staff", "amendment-1"), UnderReview },
        { InitialJobAcquisition, new ContactAttemptRecorded(Day, "staff", "note-1", ContactMethod.Phone, false), InitialJobAcquisition },
        { InitialJobAcquisition, new PhaseChanged(Day, "staff"), OngoingSupport },
        { OngoingSupport, new NoContactRequested(Day, "staff"), OngoingSupport },
        { InitialJobAcquisition, new WorkStarted(Day, "staff"), InitialJobAcquisition },
        { OngoingSupport, new CheckInEmailRequested(Day, "staff", "s1"), OngoingSupport },
        { InitialJobAcquisition, new TicketUnassigned(Day, "staff", UnassignmentReason.ByTicketholder), Unassigned },
        { OngoingSupport, new TicketUnassigned(Day, "staff", UnassignmentReason.LostContact), Unassigned },
        { Unassigned, new RetentionPeriodEnded(Day, "system"), RecordsRetained },
        { RecordsRetained, new RecordDisposalConfirmed(Day, "staff"), RecordsDisposed },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void An_allowed_event_moves_the_ticket_to_the_tables_next_status(TicketStatus from, TicketEvent ticketEvent, TicketStatus expected)
    {
        var decision = TicketTransitions.Check(Facts(from), ticketEvent);

        Assert.True(decision.Allowed, decision.Reason);
        Assert.Equal(expected, decision.NextStatus);
    }

    public static TheoryData<TicketStatus, TicketEvent> RefusedMoves => new()
    {
        { Registered, new IwpSubmitted(Day, "staff") },
        { Registered, new TpmReceiptRecorded(Day, "staff") },
        { TicketStatus.IwpSigned, new ReviewDecisionRecorded(Day, "staff", true) },
        { TicketStatus.IwpSubmitted, new ContactAttemptRecorded(Day, "staff", "note-1", ContactMethod.Email, true) },
        { OngoingSupport, new PhaseChanged(Day, "staff") },
        { Unassigned, new ContactAttemptRecorded(Day, "staff", "note-1", ContactMethod.Email, true) },
        { Unassigned, new RecordDisposalConfirmed(Day, "staff") },
        { RecordsDisposed, new IwpSigned(Day, "staff", "iwp-3", Day, Day, false) },
        { Registered, new TicketUnassigned(Day, "staff", UnassignmentReason.ByEmploymentNetwork) },
    };

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void An_event_the_status_does_not_allow_is_refused_with_the_statuses_that_would_allow_it(TicketStatus from, TicketEvent ticketEvent)
    {
        var decision = TicketTransitions.Check(Facts(from), ticketEvent);

        Assert.False(decision.Allowed);
        Assert.Contains($"not allowed while the ticket is {from}", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_iwp_with_a_blocking_finding_cannot_be_recorded_as_submitted()
    {
        var decision = TicketTransitions.Check(Facts(TicketStatus.IwpSigned, blocking: true), new IwpSubmitted(Day, "staff"));

        Assert.False(decision.Allowed);
        Assert.Contains("blocking compliance finding", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Portal_assignment_needs_ticket_portal_rights()
    {
        var withoutRights = TicketTransitions.Check(Facts(TicketStatus.IwpSigned, portal: false), new PortalAssignmentRecorded(Day, "staff"));
        var withRights = TicketTransitions.Check(Facts(TicketStatus.IwpSigned, portal: true), new PortalAssignmentRecorded(Day, "staff"));

        Assert.False(withoutRights.Allowed);
        Assert.Contains("Program Integrity", withoutRights.Reason, StringComparison.Ordinal);
        Assert.Equal(InitialJobAcquisition, withRights.NextStatus);
    }

    [Fact]
    public void An_event_dated_before_the_ticket_entered_its_status_is_refused()
    {
        var facts = new TicketFacts(InitialJobAcquisition, false, false, StatusSince: Day);

        var decision = TicketTransitions.Check(facts, new WorkStarted(Day.AddDays(-1), "staff"));

        Assert.False(decision.Allowed);
        Assert.Contains("dated before the ticket became InitialJobAcquisition on 2026-03-02", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_event_type_has_exactly_one_row()
    {
        var eventTypes = typeof(TicketEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TicketEvent)) && !t.IsAbstract)
            .ToHashSet();

        Assert.Equal(eventTypes.Count, TicketTransitions.Rows.Count);
        Assert.Equal(eventTypes, TicketTransitions.Rows.Select(r => r.Event).ToHashSet());
    }

    [Fact]
    public void A_contact_attempt_logged_late_but_after_assignment_is_allowed()
    {
        var facts = new TicketFacts(InitialJobAcquisition, false, false, StatusSince: Day);

        var decision = TicketTransitions.Check(facts, new ContactAttemptRecorded(Day.AddDays(3), "staff", "note-9", ContactMethod.Letter, false));

        Assert.True(decision.Allowed, decision.Reason);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void An_amendment_with_a_blocking_finding_is_refused_like_an_IWP(bool blocking, bool allowed)
    {
        var decision = TicketTransitions.Check(Facts(InitialJobAcquisition), new IwpAmended(Day, "staff", "amd-1", HasBlockingFinding: blocking));
        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
            Assert.Contains("the amended IWP has a blocking compliance finding", decision.Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_amendment_whose_record_has_a_blocking_finding_is_refused_too()
    {
        var finding = new TicketFlow.Workflow.Iwps.IwpFinding(TicketFlow.Workflow.Iwps.FindingSeverity.Blocking, "iwp-signatures", "$.signatures", "missing", TicketFlow.Workflow.Iwps.IwpChecks.Signatures.Citation);
        var record = new TicketFlow.Workflow.Iwps.IwpRecord("P1", "T-1", "amd-1", "iwp-1", Day, Day, [finding], null, DateTimeOffset.UnixEpoch);
        Assert.False(TicketTransitions.Check(Facts(OngoingSupport), new IwpAmended(Day, "staff", "amd-1", record)).Allowed);
    }

    [Theory]
    [InlineData(2, 3, false, false)]   // a month with two attempts
    [InlineData(3, 3, false, true)]
    [InlineData(0, 3, true, true)]     // a no-contact request needs no attempts
    public void Unassignment_for_lost_contact_needs_the_minimum_attempts_or_a_no_contact_request(int logged, int required, bool noContact, bool allowed)
    {
        var facts = Facts(InitialJobAcquisition) with { ContactAttempts = new ContactAttemptCount(logged, required, 1, noContact, "EN Guide") };
        Assert.Equal(allowed, TicketTransitions.Check(facts, new TicketUnassigned(Day, "staff", UnassignmentReason.LostContact)).Allowed);
        // Unassignment the ticketholder or the EN asks for needs no attempts.
        Assert.True(TicketTransitions.Check(facts, new TicketUnassigned(Day, "staff", UnassignmentReason.ByTicketholder)).Allowed);
    }
}
