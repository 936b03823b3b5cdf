namespace TicketFlow.Workflow.Deadlines;

/// <summary>Where a deadline stands.</summary>
public enum DeadlineState
{
    /// <summary>The clock is running and the due date has not passed.</summary>
    Open,

    /// <summary>What the rule asks for happened in time (or late, after being overdue).</summary>
    Met,

    /// <summary>The due date passed and what the rule asks for has not happened.</summary>
    Overdue,

    /// <summary>A window for an optional step closed without it being taken (a dispute's decision request).</summary>
    Expired,

    /// <summary>The deadline no longer applies (for example a contact clock stopped by two-way contact).</summary>
    Cancelled,
}
