using TicketFlow.Workflow.Reminders;

namespace TicketFlow.Workflow.Tickets.Agenda;

/// <summary>Something the ticket's orchestration does at a date and local hour unless an event changes the agenda first.</summary>
/// <param name="On">The date, in the EN's time zone.</param>
/// <param name="Hour">The local hour (0 for marks that take effect as the day begins).</param>
/// <param name="Kind">What it does.</param>
/// <param name="RuleId">The rulebook rule behind it.</param>
/// <param name="Audience">Who hears about it.</param>
/// <param name="Deadline">The deadline it belongs to, for reminders and overdue marks.</param>
/// <param name="Key">A key unique within the ticket's life: also the idempotency key of the email it sends.</param>
public sealed record AgendaItem(
    DateOnly On,
    int Hour,
    AgendaItemKind Kind,
    string RuleId,
    Audience Audience,
    OpenDeadline? Deadline,
    string Key);
