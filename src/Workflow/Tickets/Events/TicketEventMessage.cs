namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>
/// The envelope a ticket event travels in to the ticket's orchestration. The envelope's property is typed as the
/// abstract <see cref="TicketEvent"/>, so the JSON carries the event's type discriminator whatever the sender
/// serialises; the orchestration waits for this envelope under its own name.
/// </summary>
/// <param name="Event">The event.</param>
/// <param name="Id">
/// The sender's id for this message; the orchestration publishes the id of the last message it took
/// (<see cref="TicketFacts.LastEventId"/>), so the sender knows which of its events the published facts include.
/// </param>
public sealed record TicketEventMessage(TicketEvent Event, string? Id = null);
