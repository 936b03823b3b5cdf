namespace TicketFlow.Workflow.EmploymentNetworks;

/// <summary>A member of an EN's staff who works tickets and receives reminders.</summary>
/// <param name="EnPid">The EN the staff member works for.</param>
/// <param name="StaffId">The staff member's id, unique within the EN.</param>
/// <param name="Name">The staff member's name.</param>
/// <param name="Email">Where reminders go.</param>
public sealed record StaffMember(string EnPid, string StaffId, string Name, string Email);
