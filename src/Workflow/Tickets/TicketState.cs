using System.Text.Json.Serialization;
using System.Collections.Immutable;
using TicketFlow.Workflow.Rules;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Workflow.Tickets;

/// <summary>
/// Everything the ticket's orchestration knows: the facts the events established. Its agenda (what is due, what to
/// remind) is computed from these facts and the rulebook, never stored, so a changed rule or a replay cannot
/// disagree with it. The state travels through ContinueAsNew, which keeps the orchestration's history short.
/// </summary>
public sealed record TicketState
{
    /// <summary>The EN's settings for this ticket.</summary>
    public required TicketSettings Settings { get; init; }

    /// <summary>Where the ticket stands.</summary>
    public TicketStatus Status { get; init; } = TicketStatus.Registered;

    /// <summary>The date the ticket was registered.</summary>
    public required DateOnly RegisteredOn { get; init; }

    /// <summary>The date the ticket entered its current status.</summary>
    public DateOnly? StatusSince { get; init; }

    /// <summary>The IWP (or amended IWP) in force.</summary>
    public string? IwpId { get; init; }

    /// <summary>The later signature date of the IWP in force: the submission window and the TWL checkpoint count from it.</summary>
    public DateOnly? IwpSignedOn { get; init; }

    /// <summary>Whether the IWP in force has a blocking compliance finding.</summary>
    public bool IwpHasBlockingFinding { get; init; }

    /// <summary>The date the IWP was sent to the TPM.</summary>
    public DateOnly? IwpSubmittedOn { get; init; }

    /// <summary>The date the TPM received the IWP: Program Integrity's review clock starts.</summary>
    public DateOnly? TpmReceivedOn { get; init; }

    /// <summary>The date the ticket was assigned.</summary>
    public DateOnly? AssignedOn { get; init; }

    /// <summary>The phase the assigned ticket is in.</summary>
    public ServicePhase? Phase { get; init; }

    /// <summary>The date the current phase began.</summary>
    public DateOnly? PhaseStartedOn { get; init; }

    /// <summary>
    /// The start of the current follow-up period: the last two-way contact, the phase start, or the due date of a
    /// period that passed without two-way contact.
    /// </summary>
    public DateOnly? FollowUpPeriodStartedOn { get; init; }

    /// <summary>The date of the last two-way contact.</summary>
    public DateOnly? LastTwoWayContactOn { get; init; }

    /// <summary>Contact attempts since the last two-way contact, oldest first; the first is the initial contact attempt.</summary>
    public ImmutableArray<DateOnly> AttemptsSinceTwoWayContact { get; init; } = [];

    /// <summary>The date the ticketholder asked for no contact, if they did (and have not responded since).</summary>
    public DateOnly? NoContactRequestedOn { get; init; }

    /// <summary>The ticketholder's first day of work: the SGA checkpoint counts from it.</summary>
    public DateOnly? WorkStartedOn { get; init; }

    /// <summary>The date the ticket was unassigned: the retention clock counts from it.</summary>
    public DateOnly? UnassignedOn { get; init; }

    /// <summary>Why the ticket was unassigned.</summary>
    public UnassignmentReason? UnassignmentReason { get; init; }

    /// <summary>
    /// The agenda items already handled (reminders sent, overdue marks made), by key. Only keys the current agenda
    /// still produces are kept, so the set stays small however long the ticket lives.
    /// </summary>
    public ImmutableSortedSet<string> Handled { get; init; } = [];

    /// <summary>The id of the last event message taken from the queue, applied or refused (see <see cref="TicketFacts.LastEventId"/>).</summary>
    public string? LastEventId { get; init; }

    /// <summary>How many event messages were taken from the queue (see <see cref="TicketFacts.EventsTaken"/>).</summary>
    public long EventsTaken { get; init; }

    /// <summary>The date of the initial contact attempt without two-way contact since, if any.</summary>
    [JsonIgnore]
    public DateOnly? InitialContactAttemptOn =>
        AttemptsSinceTwoWayContact.IsDefaultOrEmpty ? null : AttemptsSinceTwoWayContact[0];

    /// <summary>The facts the transition table's guards read.</summary>
    [JsonIgnore]
    public TicketFacts Facts => new(Status, IwpHasBlockingFinding, Settings.AssignsInTicketPortal, StatusSince, LastEventId: LastEventId, EventsTaken: EventsTaken);

    /// <summary>Whether the ticket record (status and dates) reads the same in both states.</summary>
    /// <param name="other">The other state.</param>
    /// <returns>True when no field of the ticket record differs.</returns>
    public bool HasSameRecordAs(TicketState other) =>
        other is not null && Status == other.Status && AssignedOn == other.AssignedOn
        && PhaseStartedOn == other.PhaseStartedOn && UnassignedOn == other.UnassignedOn;

    /// <summary>A newly registered ticket.</summary>
    /// <param name="settings">The EN's settings.</param>
    /// <param name="registeredOn">The registration date.</param>
    /// <returns>The state.</returns>
    public static TicketState Registered(TicketSettings settings, DateOnly registeredOn) =>
        new() { Settings = settings, RegisteredOn = registeredOn };

    /// <summary>
    /// Folds an event the transition table allowed into the facts. The caller checks the table first; this method
    /// only records what the event established.
    /// </summary>
    /// <param name="ticketEvent">The allowed event.</param>
    /// <param name="next">The status the table gave.</param>
    /// <returns>The new state.</returns>
    public TicketState Apply(TicketEvent ticketEvent, TicketStatus next)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        var on = ticketEvent.On;
        var state = next == Status ? this : this with { Status = next, StatusSince = on };
        return ticketEvent switch
        {
            IwpSigned e => state with
            {
                IwpId = e.IwpId,
                IwpSignedOn = e.On,
                IwpHasBlockingFinding = e.HasBlockingFinding,
                IwpSubmittedOn = null,
                TpmReceivedOn = null,
            },
            IwpSubmitted => state with { IwpSubmittedOn = on },
            PortalAssignmentRecorded => state.Assigned(on),
            TpmReceiptRecorded => state with { TpmReceivedOn = on },
            ReviewDecisionRecorded { Compliant: true } => state.Assigned(on),
            ReviewDecisionRecorded { Compliant: false } => state with { IwpSubmittedOn = null, TpmReceivedOn = null },

            // A phase change starts the new phase's cadence; an unanswered run of attempts keeps its initial
            // attempt, and its unassignment date never moves later (ContactCadencePolicy.UnassignmentCadence).
            PhaseChanged => state with { Phase = ServicePhase.OngoingSupport, PhaseStartedOn = on, FollowUpPeriodStartedOn = on },

            // Two-way contact resets the cadence: a new period starts and the unassignment clock stops.
            ContactAttemptRecorded { TwoWay: true } => state with
            {
                LastTwoWayContactOn = Later(state.LastTwoWayContactOn, on),
                FollowUpPeriodStartedOn = Later(state.FollowUpPeriodStartedOn, on),
                AttemptsSinceTwoWayContact = [.. state.AttemptsSinceTwoWayContact.Where(a => a > on)],
                NoContactRequestedOn = state.NoContactRequestedOn > on ? state.NoContactRequestedOn : null,
            },
            ContactAttemptRecorded e when state.LastTwoWayContactOn is null || e.On > state.LastTwoWayContactOn => state with
            {
                AttemptsSinceTwoWayContact = [.. state.AttemptsSinceTwoWayContact.Add(on).Order()],
            },
            ContactAttemptRecorded => state, // an attempt logged late, before the last two-way contact: evidence only
            NoContactRequested => state with { NoContactRequestedOn = state.NoContactRequestedOn ?? on },
            WorkStarted => state with { WorkStartedOn = state.WorkStartedOn ?? on },
            TicketUnassigned e => state with { UnassignedOn = on, UnassignmentReason = e.Reason },
            _ => state,
        };
    }

    /// <summary>
    /// A follow-up period passed without two-way contact: the next period starts at its due date (the missed period
    /// stays overdue in the records).
    /// </summary>
    /// <param name="dueOn">The missed period's due date.</param>
    /// <returns>The new state.</returns>
    public TicketState FollowUpPeriodMissed(DateOnly dueOn) => this with { FollowUpPeriodStartedOn = dueOn };

    private TicketState Assigned(DateOnly on) => this with
    {
        AssignedOn = on,
        Phase = ServicePhase.InitialJobAcquisition,
        PhaseStartedOn = on,
        FollowUpPeriodStartedOn = on,
    };

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
