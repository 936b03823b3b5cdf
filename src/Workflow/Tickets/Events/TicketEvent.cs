using System.Text.Json.Serialization;

namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>
/// Something that happened to a ticket, as the EN (or the TPM, through the EN) reports it. Every event carries the
/// calendar date it happened on, which is the date the rulebook's clocks start from, and who reported it.
/// </summary>
/// <param name="On">The date it happened, in the EN's time zone.</param>
/// <param name="Actor">Who reported it (an API key's name, a staff member, or the system).</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(IwpSigned), nameof(IwpSigned))]
[JsonDerivedType(typeof(IwpSubmitted), nameof(IwpSubmitted))]
[JsonDerivedType(typeof(PortalAssignmentRecorded), nameof(PortalAssignmentRecorded))]
[JsonDerivedType(typeof(TpmReceiptRecorded), nameof(TpmReceiptRecorded))]
[JsonDerivedType(typeof(ReviewDecisionRecorded), nameof(ReviewDecisionRecorded))]
[JsonDerivedType(typeof(IwpAmended), nameof(IwpAmended))]
[JsonDerivedType(typeof(PhaseChanged), nameof(PhaseChanged))]
[JsonDerivedType(typeof(ContactAttemptRecorded), nameof(ContactAttemptRecorded))]
[JsonDerivedType(typeof(CheckInEmailRequested), nameof(CheckInEmailRequested))]
[JsonDerivedType(typeof(NoContactRequested), nameof(NoContactRequested))]
[JsonDerivedType(typeof(WorkStarted), nameof(WorkStarted))]
[JsonDerivedType(typeof(TicketUnassigned), nameof(TicketUnassigned))]
[JsonDerivedType(typeof(RetentionPeriodEnded), nameof(RetentionPeriodEnded))]
[JsonDerivedType(typeof(RecordDisposalConfirmed), nameof(RecordDisposalConfirmed))]
public abstract record TicketEvent(DateOnly On, string Actor);
