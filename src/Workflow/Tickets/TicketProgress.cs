using TicketFlow.Workflow.Tickets.Agenda;

namespace TicketFlow.Workflow.Tickets;

/// <summary>The ticket orchestration's custom status: where the ticket stands and what comes next.</summary>
/// <param name="Status">The ticket's status.</param>
/// <param name="OpenDeadlines">The deadlines whose clocks are running.</param>
/// <param name="Next">The next agenda item, if any.</param>
public sealed record TicketProgress(TicketStatus Status, IReadOnlyList<OpenDeadline> OpenDeadlines, AgendaItem? Next);
