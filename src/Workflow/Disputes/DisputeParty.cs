namespace TicketFlow.Workflow.Disputes;

/// <summary>The two parties to an agreement between an EN and a State VR agency (20 CFR 411.435).</summary>
public enum DisputeParty
{
    /// <summary>The Employment Network.</summary>
    EmploymentNetwork,

    /// <summary>The State Vocational Rehabilitation agency.</summary>
    StateVrAgency,
}
