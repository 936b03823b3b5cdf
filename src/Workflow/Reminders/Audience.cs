namespace TicketFlow.Workflow.Reminders;

/// <summary>Who a reminder is for.</summary>
public enum Audience
{
    /// <summary>The staff member responsible for the ticket (or every staff member when none is named).</summary>
    Staff,

    /// <summary>The EN's compliance contact: told when a deadline is about to be, or was, missed.</summary>
    ComplianceContact,

    /// <summary>The ticketholder (check-in emails only).</summary>
    Ticketholder,

    /// <summary>The staff member and the compliance contact, in one email (reminders before unassignment for lost contact).</summary>
    StaffAndComplianceContact,
}
