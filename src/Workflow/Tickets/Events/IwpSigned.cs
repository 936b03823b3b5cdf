using TicketFlow.Workflow.Iwps;

namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>Both the EN and the ticketholder signed and dated the IWP (or an amended IWP after a review).</summary>
/// <param name="On">The later of the two signature dates: the date the submission window opens from.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="IwpId">The IWP record these signatures belong to.</param>
/// <param name="EnSignedOn">The date the EN's representative signed.</param>
/// <param name="TicketholderSignedOn">The date the ticketholder (or representative) signed.</param>
/// <param name="HasBlockingFinding">Whether the compliance check found a blocking problem in this IWP.</param>
/// <param name="Record">
/// The IWP record when the event brings it (an IWP recorded through the API: the event is the request's one durable
/// write, and the workflow writes the record once the ticket's state accepts it); null when the record is written
/// elsewhere.
/// </param>
public sealed record IwpSigned(
    DateOnly On,
    string Actor,
    string IwpId,
    DateOnly EnSignedOn,
    DateOnly TicketholderSignedOn,
    bool HasBlockingFinding,
    IwpRecord? Record = null) : TicketEvent(On, Actor);
