namespace TicketFlow.Workflow.EmploymentNetworks;

/// <summary>A person TicketFlow writes to.</summary>
/// <param name="Name">The person's name, as used in a greeting.</param>
/// <param name="Email">The email address.</param>
public sealed record Contact(string Name, string Email);
