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
    DeadlineState? State = null);
