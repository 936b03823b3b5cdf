namespace TicketFlow.Workflow.EmploymentNetworks;

/// <summary>An Employment Network that uses TicketFlow; every other record belongs to exactly one.</summary>
/// <param name="Pid">The EN's provider identifier (PID) in the Ticket Program.</param>
/// <param name="Name">The EN's name.</param>
/// <param name="BusinessModel">The EN's business model as written on its IWPs.</param>
/// <param name="TimeZone">The IANA time zone its dates are read in (default America/New_York, the TPM's).</param>
/// <param name="ComplianceContact">Who is told when a deadline is about to be, or was, missed.</param>
/// <param name="RetentionPolicy">What happens when a ticketholder's records pass their retention period.</param>
/// <param name="AssignsInTicketPortal">
/// Whether Program Integrity has given the EN rights to assign tickets in the Ticket Portal (until then every IWP
/// goes through Program Integrity review; EN Guide, "When to Send an IWP").
/// </param>
public sealed record EmploymentNetwork(
    string Pid,
    string Name,
    string BusinessModel,
    string TimeZone,
    Contact ComplianceContact,
    RetentionPolicy RetentionPolicy,
    bool AssignsInTicketPortal);
