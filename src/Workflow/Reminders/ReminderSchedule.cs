namespace TicketFlow.Workflow.Reminders;

/// <summary>
/// The reminder settings an orchestration started with. Orchestrations carry them in their input so that a replay,
/// or a ticket that lives for years, keeps the schedule it was promised even when the configuration changes.
/// </summary>
/// <param name="IwpSubmissionDaysBefore">Days before the submission due date.</param>
/// <param name="InitialJobAcquisitionContactDaysBefore">Days before an IJA follow-up is due.</param>
/// <param name="OngoingSupportContactDaysBefore">Days before an OSP follow-up is due.</param>
/// <param name="UnassignmentDaysBefore">Days before unassignment for lost contact is due.</param>
/// <param name="DisputeDaysBefore">Days before a dispute deadline.</param>
/// <param name="ServicesAndSupportsReviewDaysBefore">Days before an S&amp;S review is due.</param>
/// <param name="ReminderHour">The local hour reminders are sent at.</param>
public sealed record ReminderSchedule(
    IReadOnlyList<int> IwpSubmissionDaysBefore,
    IReadOnlyList<int> InitialJobAcquisitionContactDaysBefore,
    IReadOnlyList<int> OngoingSupportContactDaysBefore,
    IReadOnlyList<int> UnassignmentDaysBefore,
    IReadOnlyList<int> DisputeDaysBefore,
    IReadOnlyList<int> ServicesAndSupportsReviewDaysBefore,
    int ReminderHour)
{
    /// <summary>The defaults of <see cref="ReminderOptions"/>.</summary>
    public static ReminderSchedule Default => ReminderOptions.Defaults;
}
