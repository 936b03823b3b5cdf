using System.Text.Json.Serialization;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Reminders;

namespace TicketFlow.Workflow.Tickets;

/// <summary>What a ticket's orchestration needs to know about its EN, fixed when the ticket is registered.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="TimeZoneId">The EN's IANA time zone: dates are read, and reminders sent, in it.</param>
/// <param name="AssignsInTicketPortal">Whether the EN assigns tickets in the Ticket Portal itself.</param>
/// <param name="RetentionPolicy">What happens when the records pass their retention period.</param>
/// <param name="Reminders">When reminders go out.</param>
/// <param name="StaffId">The staff member responsible for the ticket; null: reminders go to every staff member.</param>
public sealed record TicketSettings(
    string EnPid,
    string TicketNumber,
    string TimeZoneId,
    bool AssignsInTicketPortal,
    RetentionPolicy RetentionPolicy,
    ReminderSchedule Reminders,
    string? StaffId = null)
{
    /// <summary>The orchestration instance id of this ticket: readable, and prefixed by the EN.</summary>
    [JsonIgnore]
    public string InstanceId => TicketInstanceId.For(EnPid, TicketNumber);
}
