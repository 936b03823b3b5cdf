namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>Both the EN and the ticketholder signed and dated the IWP (or an amended IWP after a review).</summary>
/// <param name="On">The later of the two signature dates: the date the submission window opens from.</param>
/// <param name="Actor">Who reported it.</param>
/// <param name="IwpId">The IWP record these signatures belong to.</param>
/// <param name="EnSignedOn">The date the EN's representative signed.</param>
/// <param name="TicketholderSignedOn">The date the ticketholder (or representative) signed.</param>
/// <param name="HasBlockingFinding">Whether the compliance check found a blocking problem in this IWP.</param>
public sealed record IwpSigned(
    DateOnly On,
    string Actor,
    string IwpId,
    DateOnly EnSignedOn,
    DateOnly TicketholderSignedOn,
    bool HasBlockingFinding) : TicketEvent(On, Actor);
