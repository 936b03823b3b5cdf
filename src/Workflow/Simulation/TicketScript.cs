using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Workflow.Simulation;

/// <summary>One ticket's life as a simulation plays it: when it is registered and what happens on which date.</summary>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="RegisteredOn">The date it is registered in TicketFlow.</param>
/// <param name="Events">The events, in date order.</param>
/// <param name="AssignsInTicketPortal">Whether the EN assigns it in the Ticket Portal itself.</param>
public sealed record TicketScript(string TicketNumber, DateOnly RegisteredOn, IReadOnlyList<TicketEvent> Events, bool AssignsInTicketPortal = false);
