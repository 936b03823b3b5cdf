using TicketFlow.Workflow.Iwps;

namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>An amendment to the IWP, signed and dated by both parties, was attached to the original.</summary>
/// <param name="On">The later of the two signature dates on the amendment.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="AmendmentId">The amendment's record.</param>
/// <param name="Record">
/// The amendment's record when the event brings it (the workflow writes it once the ticket's state accepts the
/// amendment); null when the record is written elsewhere.
/// </param>
/// <param name="HasBlockingFinding">Whether the plan as amended has a blocking compliance finding (it is then refused, like an IWP).</param>
public sealed record IwpAmended(DateOnly On, string Actor, string AmendmentId, IwpRecord? Record = null, bool HasBlockingFinding = false) : TicketEvent(On, Actor)
{
    /// <summary>True when the event says so or the record it brings has a blocking finding.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsBlocked => HasBlockingFinding || (Record?.Findings.Any(f => f.Severity == FindingSeverity.Blocking) ?? false);
}
