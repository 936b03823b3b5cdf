using System.Collections.Frozen;
using TicketFlow.Workflow.Tickets.Events;
using static TicketFlow.Workflow.Tickets.TicketStatus;

namespace TicketFlow.Workflow.Tickets;

/// <summary>
/// The one table of allowed ticket state changes. The API checks an event against it before raising it, and the
/// ticket orchestrator checks it again before folding the event into its state (the API's view may be stale), so
/// a disallowed event never changes a ticket: it is refused with the reason, and the refusal is recorded.
/// </summary>
public static class TicketTransitions
{
    private static readonly FrozenSet<TicketStatus> Assigned = FrozenSet.ToFrozenSet([InitialJobAcquisition, OngoingSupport]);

    /// <summary>The rows of the table, in lifecycle order.</summary>
    public static IReadOnlyList<TicketTransition> Rows { get; } =
    [
        // The submission window opens when both parties have signed and dated the IWP (EN Guide, "When to
        // Send an IWP"); an amended IWP after a not-compliant review restarts it.
        Row<IwpSigned>([Registered, AmendmentNeeded], TicketStatus.IwpSigned),

        // "An IWP with a blocking compliance finding cannot be recorded as submitted."
        Row<IwpSubmitted>([TicketStatus.IwpSigned], TicketStatus.IwpSubmitted, (facts, _) => facts.IwpHasBlockingFinding
            ? "the IWP has a blocking compliance finding; correct it and record new signatures before submitting"
            : null),

        // ENs with Ticket Portal rights assign the ticket themselves within the same 14-day window.
        Row<PortalAssignmentRecorded>([TicketStatus.IwpSigned, TicketStatus.IwpSubmitted], InitialJobAcquisition, (facts, _) =>
            !facts.AssignsInTicketPortal
                ? "this EN's IWPs still go through Program Integrity review; record the TPM's receipt and decision instead"
                : facts.IwpHasBlockingFinding
                    ? "the IWP has a blocking compliance finding; correct it before assigning the ticket"
                    : null),

        Row<TpmReceiptRecorded>([TicketStatus.IwpSubmitted], UnderReview),

        // Compliant: Program Integrity assigns the ticket. Not compliant: an amended IWP is needed.
        Row<ReviewDecisionRecorded>([UnderReview], null),

        // An amendment is checked like the IWP it amends: one with a blocking finding is not attached.
        Row<IwpAmended>([TicketStatus.IwpSubmitted, UnderReview, InitialJobAcquisition, OngoingSupport], null, (_, e) => e is IwpAmended { IsBlocked: true }
            ? "the amended IWP has a blocking compliance finding; correct it and record the amendment with new signatures"
            : null),

        // Phase 1 milestones met: Initial Job Acquisition ends and Ongoing Support begins.
        Row<PhaseChanged>([InitialJobAcquisition], OngoingSupport),

        Row<ContactAttemptRecorded>(Assigned, null),
        Row<CheckInEmailRequested>(Assigned, null),
        Row<NoContactRequested>(Assigned, null),
        Row<WorkStarted>(Assigned, null),

        // Either party may ask for unassignment; the EN also unassigns for lost contact, but only after the minimum
        // attempts in a period (EN Guide, Section 4, "Regular Follow-Up"), unless the ticketholder asked for no contact.
        Row<TicketUnassigned>(Assigned, Unassigned, (facts, e) =>
            e is TicketUnassigned { Reason: UnassignmentReason.LostContact } && facts.ContactAttempts is { Enough: false } attempts
                ? $"a ticket may be unassigned for lost contact only after at least {attempts.Required} contact attempts within {attempts.Period} without two-way contact; {attempts.Logged} {(attempts.Logged == 1 ? "is" : "are")} logged ({attempts.Source}). Log the attempts, or record the ticketholder's no-contact request"
                : null),

        // Three years after unassignment the records may be destroyed (EN Guide, "Retention of Records");
        // they are, on the EN's confirmation or automatically when the EN's retention policy says so.
        Row<RetentionPeriodEnded>([Unassigned], RecordsRetained),
        Row<RecordDisposalConfirmed>([RecordsRetained], RecordsDisposed),
    ];

    private static readonly FrozenDictionary<Type, TicketTransition> ByEvent = Rows.ToFrozenDictionary(r => r.Event);

    /// <summary>
    /// Checks an event against the table and the ticket's facts.
    /// </summary>
    /// <param name="facts">The ticket as it stands.</param>
    /// <param name="ticketEvent">The event to apply.</param>
    /// <returns>The status the ticket moves to, or the reason the event is refused.</returns>
    public static TransitionDecision Check(TicketFacts facts, TicketEvent ticketEvent)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(ticketEvent);

        if (!ByEvent.TryGetValue(ticketEvent.GetType(), out var row))
        {
            return TransitionDecision.Refuse($"{ticketEvent.GetType().Name} is not a ticket event");
        }

        if (!row.From.Contains(facts.Status))
        {
            return TransitionDecision.Refuse(
                $"{ticketEvent.GetType().Name} is not allowed while the ticket is {facts.Status}; " +
                $"it is allowed while the ticket is {string.Join(" or ", row.From.Order())}");
        }

        if (facts.StatusSince is { } since && ticketEvent.On < since)
        {
            return TransitionDecision.Refuse(
                $"{ticketEvent.GetType().Name} on {ticketEvent.On:yyyy-MM-dd} is dated before the ticket became {facts.Status} on {since:yyyy-MM-dd}");
        }

        if (row.Guard?.Invoke(facts, ticketEvent) is { } reason)
        {
            return TransitionDecision.Refuse(reason);
        }

        return TransitionDecision.Allow(NextStatus(facts.Status, row, ticketEvent));
    }

    private static TicketStatus NextStatus(TicketStatus current, TicketTransition row, TicketEvent ticketEvent) =>
        ticketEvent switch
        {
            ReviewDecisionRecorded { Compliant: true } => InitialJobAcquisition,
            ReviewDecisionRecorded { Compliant: false } => AmendmentNeeded,
            _ => row.To ?? current,
        };

    private static TicketTransition Row<TEvent>(
        IEnumerable<TicketStatus> from,
        TicketStatus? to,
        Func<TicketFacts, TicketEvent, string?>? guard = null)
        where TEvent : TicketEvent =>
        new(typeof(TEvent), from.ToFrozenSet(), to, guard);
}
