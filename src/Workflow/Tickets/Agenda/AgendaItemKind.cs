namespace TicketFlow.Workflow.Tickets.Agenda;

/// <summary>What an agenda item does when its time comes.</summary>
public enum AgendaItemKind
{
    /// <summary>Remind someone that a deadline is coming.</summary>
    Reminder,

    /// <summary>The due date passed: mark the deadline overdue and escalate.</summary>
    Overdue,

    /// <summary>An earnings checkpoint: remind staff to verify earnings against TWL or SGA.</summary>
    EarningsCheckpoint,

    /// <summary>The record-retention period ended: the records may be destroyed.</summary>
    RetentionPeriodEnds,
}
