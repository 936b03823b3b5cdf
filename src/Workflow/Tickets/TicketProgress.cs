using TicketFlow.Workflow.Tickets.Agenda;

namespace TicketFlow.Workflow.Tickets;

/// <summary>The ticket orchestration's custom status: where the ticket stands and what comes next.</summary>
/// <param name="Status">The ticket's status.</param>
/// <param name="OpenDeadlines">The deadlines whose clocks are running.</param>
/// <param name="Next">The next agenda item, if any.</param>
/// <param name="Facts">
/// The facts the transition table reads, as the workflow holds them, so a caller can check an event against the table
/// exactly as the workflow will (null in progress published before they were added).
/// </param>
public sealed record TicketProgress(TicketStatus Status, IReadOnlyList<OpenDeadline> OpenDeadlines, AgendaItem? Next, TicketFacts? Facts = null);
