namespace TicketFlow.Workflow.Tickets;

/// <summary>Who asked for a ticket's unassignment, or why it happened (EN Guide, "Ticket Unassignment").</summary>
public enum UnassignmentReason
{
    /// <summary>The EN is unable or no longer willing to provide services.</summary>
    ByEmploymentNetwork,

    /// <summary>The ticketholder signed a Ticket Unassignment Form.</summary>
    ByTicketholder,

    /// <summary>No two-way contact within the phase's window, or the ticketholder asked for no contact.</summary>
    LostContact,
}
