namespace TicketFlow.Workflow.Deadlines;

/// <summary>"What is due for this EN": a date range of due dates and optional filters.</summary>
/// <param name="EnPid">The EN.</param>
/// <param name="DueFrom">The first due date to include.</param>
/// <param name="DueTo">The last due date to include.</param>
/// <param name="RuleId">Only this rule, when given.</param>
/// <param name="StaffId">Only this staff member's, when given.</param>
/// <param name="State">Only deadlines in this state, when given.</param>
public sealed record DeadlineQuery(
    string EnPid,
    DateOnly DueFrom,
    DateOnly DueTo,
    string? RuleId = null,
    string? StaffId = null,
    DeadlineState? State = null)
{
    /// <summary>
    /// The compliance contact's report of work done late: every deadline of the EN due from <paramref name="from"/>
    /// through <paramref name="to"/> that was met after its due date.
    /// </summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="from">The first due date.</param>
    /// <param name="to">The last due date.</param>
    /// <returns>The query.</returns>
    public static DeadlineQuery MetLateIn(string enPid, DateOnly from, DateOnly to) => new(enPid, from, to, State: DeadlineState.MetLate);
}
