namespace TicketFlow.Workflow.EmploymentNetworks;

/// <summary>What TicketFlow does when a ticketholder's records pass the retention period after unassignment.</summary>
public enum RetentionPolicy
{
    /// <summary>Tell the EN the records may be destroyed and delete them when the EN confirms.</summary>
    ConfirmBeforeDisposal,

    /// <summary>Tell the EN and delete the records at once.</summary>
    DisposeAutomatically,
}
