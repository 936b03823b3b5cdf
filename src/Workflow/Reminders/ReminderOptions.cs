using System.ComponentModel.DataAnnotations;

namespace TicketFlow.Workflow.Reminders;

/// <summary>
/// When reminders go out before a deadline. These are TicketFlow's defaults, not rules of the Ticket Program: the
/// rulebook says when something is due; an EN may want to hear about it earlier. Bound from <c>Reminders</c>.
/// The offsets start empty, meaning "the default" (<see cref="Defaults"/>): ConfigurationBinder appends configured
/// array items to an array the property already holds, so defaults kept in the initialiser could never be replaced by
/// a setting (<c>Reminders__DisputeDaysBefore__0=10</c> would give [7, 2, 0, 10]). Configured items replace the default.
/// </summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reminders";

    /// <summary>Days before the IWP submission (or portal assignment) due date to remind staff; 0 is the due date.</summary>
    [Required]
    public int[] IwpSubmissionDaysBefore { get; set; } = [];

    /// <summary>Days before an Initial Job Acquisition follow-up is due to remind staff that contact attempts are due.</summary>
    [Required]
    public int[] InitialJobAcquisitionContactDaysBefore { get; set; } = [];

    /// <summary>Days before an Ongoing Support follow-up is due to remind staff that contact attempts are due.</summary>
    [Required]
    public int[] OngoingSupportContactDaysBefore { get; set; } = [];

    /// <summary>Days before a ticket must be unassigned for lost contact to remind staff and the compliance contact.</summary>
    [Required]
    public int[] UnassignmentDaysBefore { get; set; } = [];

    /// <summary>Days before a dispute deadline (recommendation, decision request) to remind the EN's staff.</summary>
    [Required]
    public int[] DisputeDaysBefore { get; set; } = [];

    /// <summary>Days before an S&amp;S review's due date to remind the EN until the package is marked sent.</summary>
    [Required]
    public int[] ServicesAndSupportsReviewDaysBefore { get; set; } = [];

    /// <summary>The hour of the day (in the EN's time zone) at which reminders are sent.</summary>
    [Range(0, 23)]
    public int ReminderHour { get; set; } = 9;

    /// <summary>
    /// The offsets used where a setting is empty (not configured): IWP submission 7, 2, 0; IJA contact 20, 10, 3; OSP
    /// contact 60, 30, 10; unassignment 14, 7, 1; dispute 7, 2, 0; S&amp;S review 14, 7, 2, 0; at 9:00.
    /// </summary>
    public static ReminderSchedule Defaults { get; } = new([7, 2, 0], [20, 10, 3], [60, 30, 10], [14, 7, 1], [7, 2, 0], [14, 7, 2, 0], 9);

    /// <summary>Every offset in effect, for validation.</summary>
    /// <returns>The offsets in days.</returns>
    public IEnumerable<int> AllOffsets()
    {
        var schedule = ToSchedule();
        return schedule.IwpSubmissionDaysBefore.Concat(schedule.InitialJobAcquisitionContactDaysBefore)
            .Concat(schedule.OngoingSupportContactDaysBefore).Concat(schedule.UnassignmentDaysBefore)
            .Concat(schedule.DisputeDaysBefore).Concat(schedule.ServicesAndSupportsReviewDaysBefore);
    }

    /// <summary>
    /// Copies these settings into the value an orchestration carries (so a replay never sees new settings); an empty
    /// offset list is the default's.
    /// </summary>
    /// <returns>The schedule.</returns>
    public ReminderSchedule ToSchedule() => new(
        Or(IwpSubmissionDaysBefore, Defaults.IwpSubmissionDaysBefore),
        Or(InitialJobAcquisitionContactDaysBefore, Defaults.InitialJobAcquisitionContactDaysBefore),
        Or(OngoingSupportContactDaysBefore, Defaults.OngoingSupportContactDaysBefore),
        Or(UnassignmentDaysBefore, Defaults.UnassignmentDaysBefore),
        Or(DisputeDaysBefore, Defaults.DisputeDaysBefore),
        Or(ServicesAndSupportsReviewDaysBefore, Defaults.ServicesAndSupportsReviewDaysBefore),
        ReminderHour);

    private static int[] Or(int[]? configured, IReadOnlyList<int> fallback) => configured is { Length: > 0 } ? [.. configured] : [.. fallback];
}
