using TicketFlow.Workflow.Reminders;

namespace TicketFlow.Workflow.Disputes;

/// <summary>What a dispute's orchestration needs, fixed when the request is recorded.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="DisputeId">The dispute.</param>
/// <param name="StateVrAgency">The other party, for reminders.</param>
/// <param name="TimeZoneId">The EN's IANA time zone.</param>
/// <param name="RequestReceivedOn">The date the PM received the written request.</param>
/// <param name="Reminders">When reminders go out.</param>
public sealed record DisputeSettings(
    string EnPid,
    string DisputeId,
    string StateVrAgency,
    string TimeZoneId,
    DateOnly RequestReceivedOn,
    ReminderSchedule Reminders)
{
    /// <summary>The dispute's orchestration instance id.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="disputeId">The dispute.</param>
    /// <returns>The instance id.</returns>
    public static string InstanceIdFor(string enPid, string disputeId) => $"dispute:{enPid}:{disputeId}";
}
