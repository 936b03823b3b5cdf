using System.ComponentModel.DataAnnotations;

namespace TicketFlow.Workflow.Reminders;

/// <summary>
/// When reminders go out before a deadline. These are TicketFlow's defaults, not rules of the Ticket Program: the
/// rulebook says when something is due; an EN may want to hear about it earlier. Bound from <c>Reminders</c>.
/// </summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Reminders";

    /// <summary>Days before the IWP submission (or portal assignment) due date to remind staff; 0 is the due date.</summary>
    [Required, MinLength(1)]
    public int[] IwpSubmissionDaysBefore { get; set; } = [7, 2, 0];

    /// <summary>Days before an Initial Job Acquisition follow-up is due to remind staff that contact attempts are due.</summary>
    [Required, MinLength(1)]
    public int[] InitialJobAcquisitionContactDaysBefore { get; set; } = [20, 10, 3];

    /// <summary>Days before an Ongoing Support follow-up is due to remind staff that contact attempts are due.</summary>
    [Required, MinLength(1)]
    public int[] OngoingSupportContactDaysBefore { get; set; } = [60, 30, 10];

    /// <summary>Days before a ticket must be unassigned for lost contact to remind staff and the compliance contact.</summary>
    [Required, MinLength(1)]
    public int[] UnassignmentDaysBefore { get; set; } = [14, 7, 1];

    /// <summary>Days before a dispute deadline (recommendation, decision request) to remind the EN's staff.</summary>
    [Required, MinLength(1)]
    public int[] DisputeDaysBefore { get; set; } = [7, 2, 0];

    /// <summary>Days before an S&amp;S review's due date to remind the EN until the package is marked sent.</summary>
    [Required, MinLength(1)]
    public int[] ServicesAndSupportsReviewDaysBefore { get; set; } = [14, 7, 2, 0];

    /// <summary>The hour of the day (in the EN's time zone) at which reminders are sent.</summary>
    [Range(0, 23)]
    public int ReminderHour { get; set; } = 9;

    /// <summary>Every offset, for validation.</summary>
    /// <returns>The offsets in days.</returns>
    public IEnumerable<int> AllOffsets() =>
        IwpSubmissionDaysBefore.Concat(InitialJobAcquisitionContactDaysBefore).Concat(OngoingSupportContactDaysBefore)
            .Concat(UnassignmentDaysBefore).Concat(DisputeDaysBefore).Concat(ServicesAndSupportsReviewDaysBefore);

    /// <summary>Copies these settings into the value an orchestration carries (so a replay never sees new settings).</summary>
    /// <returns>The schedule.</returns>
    public ReminderSchedule ToSchedule() => new(
        [.. IwpSubmissionDaysBefore],
        [.. InitialJobAcquisitionContactDaysBefore],
        [.. OngoingSupportContactDaysBefore],
        [.. UnassignmentDaysBefore],
        [.. DisputeDaysBefore],
        [.. ServicesAndSupportsReviewDaysBefore],
        ReminderHour);
}
