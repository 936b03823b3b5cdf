namespace TicketFlow.Workflow.Iwps;

/// <summary>Where a work-history earnings figure comes from.</summary>
public enum EarningsSource
{
    /// <summary>Paystubs or other records.</summary>
    Paystubs,

    /// <summary>The ticketholder's best recollection (allowed when there are no paystubs).</summary>
    TicketholderEstimate,
}
