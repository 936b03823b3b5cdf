namespace TicketFlow.Workflow.Deadlines;

/// <summary>
/// Where a deadline stands, and once it is settled, what happened: met on time, met late, missed. A late task is never
/// recorded as met: the record keeps that it was late, by how many days, so the compliance contact's report shows it.
/// </summary>
public enum DeadlineState
{
    /// <summary>The clock is running and the due date has not passed.</summary>
    Open,

    /// <summary>What the rule asks for happened on or before the due date.</summary>
    Met,

    /// <summary>The due date passed and what the rule asks for has not happened yet (it can still be done, late).</summary>
    Overdue,

    /// <summary>A window for an optional step closed without it being taken (a dispute's decision request).</summary>
    Expired,

    /// <summary>The deadline no longer applies before its due date (for example a contact clock stopped by two-way contact).</summary>
    Cancelled,

    /// <summary>What the rule asks for happened after the due date; the record holds the completion date and the days late.</summary>
    MetLate,

    /// <summary>
    /// The due date passed and what the rule asks for can no longer happen: the period ended without it (a follow-up
    /// period without two-way contact) or the deadline was closed by something else after it was due.
    /// </summary>
    Missed,
}
