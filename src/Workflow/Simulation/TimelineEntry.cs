namespace TicketFlow.Workflow.Simulation;

/// <summary>One line of a simulated ticket's timeline.</summary>
/// <param name="On">The date, in the EN's time zone.</param>
/// <param name="Subject">The ticket, dispute or review.</param>
/// <param name="Kind">What it records.</param>
/// <param name="Text">What happened, in words.</param>
public sealed record TimelineEntry(DateOnly On, string Subject, TimelineEntryKind Kind, string Text);
