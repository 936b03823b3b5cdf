using System.Text.Json.Serialization;
namespace TicketFlow.Workflow.Tickets;

/// <summary>A change to a ticket to write to the records: its new status and dates, and the audit entry.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="Status">The status after the change.</param>
/// <param name="AssignedOn">The assignment date, once assigned.</param>
/// <param name="PhaseStartedOn">The date the current phase began.</param>
/// <param name="UnassignedOn">The unassignment date, once unassigned.</param>
/// <param name="AuditEntryId">The audit entry's id (deterministic, from the orchestration), so a retry writes it once.</param>
/// <param name="At">When the change was made (the orchestration's time).</param>
/// <param name="Actor">Who made it.</param>
/// <param name="Action">What was done, as the audit trail says it.</param>
/// <param name="Outcome">"done", or the reason the event was refused (nothing else is written then).</param>
public sealed record TicketChange(
    string EnPid,
    string TicketNumber,
    TicketStatus Status,
    DateOnly? AssignedOn,
    DateOnly? PhaseStartedOn,
    DateOnly? UnassignedOn,
    string AuditEntryId,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Outcome)
{
    /// <summary>
    /// Whether the ticket record's status or dates changed, so the record is rewritten; a contact changes neither, and
    /// skipping the rewrite spares the record store a read and a write for the most frequent event.
    /// </summary>
    public bool TicketRecordChanged { get; init; } = true;

    /// <summary>The outcome of an applied change.</summary>
    public const string Done = TicketChangeOutcome.Done;

    /// <summary>Whether the change was applied (false: an event was refused and only the refusal is recorded).</summary>
    [JsonIgnore]
    public bool Applied => Outcome == Done;
}
