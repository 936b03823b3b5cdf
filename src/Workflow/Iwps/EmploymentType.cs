namespace TicketFlow.Workflow.Iwps;

/// <summary>Part-time or full-time work in a goal.</summary>
public enum EmploymentType
{
    /// <summary>Part-time.</summary>
    PartTime,

    /// <summary>Full-time.</summary>
    FullTime,
}
