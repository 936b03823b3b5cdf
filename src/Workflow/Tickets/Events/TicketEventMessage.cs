namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>
/// The envelope a ticket event travels in to the ticket's orchestration. The envelope's property is typed as the
/// abstract <see cref="TicketEvent"/>, so the JSON carries the event's type discriminator whatever the sender
/// serialises; the orchestration waits for this envelope under its own name.
/// </summary>
/// <param name="Event">The event.</param>
public sealed record TicketEventMessage(TicketEvent Event);
