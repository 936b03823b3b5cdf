namespace TicketFlow.Workflow.Rules;

/// <summary>What the computed date means, which also decides the safe side when a month has no such day.</summary>
public enum DeadlineKind
{
    /// <summary>Something must happen on or before the date. A missing day of month falls back to the month's last day (earlier is safe).</summary>
    DueBy,

    /// <summary>Something may happen on or after the date (e.g. destroying records). A missing day of month moves to the next month's first day (later is safe).</summary>
    NotBefore,

    /// <summary>The date a look-back window starts: records from this date to the clock start are covered. Counted backwards; a missing day falls back to the month's last day (a longer window is safe).</summary>
    WindowStart,
}
