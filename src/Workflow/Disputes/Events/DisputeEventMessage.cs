namespace TicketFlow.Workflow.Disputes.Events;

/// <summary>The envelope a dispute event travels in (typed as the abstract event, so its JSON names its type).</summary>
/// <param name="Event">The event.</param>
public sealed record DisputeEventMessage(DisputeEvent Event);
