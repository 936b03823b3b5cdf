using TicketFlow.Workflow.Reminders;

namespace TicketFlow.Workflow.ServicesAndSupportsReviews;

/// <summary>What an S&amp;S review's orchestration needs, fixed when the request is recorded.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="ReviewId">The review.</param>
/// <param name="TimeZoneId">The EN's IANA time zone.</param>
/// <param name="ReceivedOn">The date the EN received the request.</param>
/// <param name="DueOn">The TPM's due date for the response.</param>
/// <param name="TicketNumbers">The sampled tickets.</param>
/// <param name="Reminders">When reminders go out.</param>
public sealed record ServicesAndSupportsReviewSettings(
    string EnPid,
    string ReviewId,
    string TimeZoneId,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    IReadOnlyList<string> TicketNumbers,
    ReminderSchedule Reminders)
{
    /// <summary>The review's orchestration instance id.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="reviewId">The review.</param>
    /// <returns>The instance id.</returns>
    public static string InstanceIdFor(string enPid, string reviewId) => $"ssreview:{enPid}:{reviewId}";
}
