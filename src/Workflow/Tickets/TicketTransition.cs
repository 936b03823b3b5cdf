using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Workflow.Tickets;

/// <summary>One row of the ticket's transition table.</summary>
/// <param name="Event">The kind of event (a <see cref="TicketEvent"/> subtype).</param>
/// <param name="From">The statuses in which the event is allowed.</param>
/// <param name="To">The status the ticket moves to, or null when the event leaves the status unchanged.</param>
/// <param name="Guard">
/// A further condition on the ticket's facts; returns the reason the event is refused, or null when allowed.
/// </param>
public sealed record TicketTransition(
    Type Event,
    IReadOnlySet<TicketStatus> From,
    TicketStatus? To,
    Func<TicketFacts, TicketEvent, string?>? Guard = null);
