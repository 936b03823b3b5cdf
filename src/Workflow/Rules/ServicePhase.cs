namespace TicketFlow.Workflow.Rules;

/// <summary>The phase of ticket assignment, which sets how often the EN must reach the ticketholder.</summary>
public enum ServicePhase
{
    /// <summary>Initial Job Acquisition, through the end of the Phase 1 milestones: monthly contact.</summary>
    InitialJobAcquisition,

    /// <summary>Ongoing Support, from the Phase 2 milestone period through unassignment: quarterly contact.</summary>
    OngoingSupport,
}
