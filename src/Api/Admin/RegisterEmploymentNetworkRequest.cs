using TicketFlow.Workflow.EmploymentNetworks;

namespace TicketFlow.Api.Admin;

/// <summary>Registers an Employment Network.</summary>
/// <param name="Pid">Its PID.</param>
/// <param name="Name">Its name.</param>
/// <param name="BusinessModel">Its business model.</param>
/// <param name="TimeZone">Its IANA time zone (default America/New_York).</param>
/// <param name="ComplianceContact">Who is told before and when deadlines are missed.</param>
/// <param name="RetentionPolicy">What happens when records pass retention.</param>
/// <param name="AssignsInTicketPortal">Whether it assigns tickets in the Ticket Portal.</param>
public sealed record RegisterEmploymentNetworkRequest(
    string Pid, string Name, string BusinessModel, string? TimeZone, Contact ComplianceContact, RetentionPolicy RetentionPolicy, bool AssignsInTicketPortal);
