namespace TicketFlow.Workflow.Simulation;

/// <summary>What a timeline line records.</summary>
public enum TimelineEntryKind
{
    /// <summary>An event applied to the ticket (its state may have changed).</summary>
    Event,

    /// <summary>An event the ticket's state did not allow, with the reason.</summary>
    Refused,

    /// <summary>A deadline opened, met, became overdue, expired or was cancelled.</summary>
    Deadline,

    /// <summary>An email: a reminder, an escalation, a check-in.</summary>
    Email,
}
