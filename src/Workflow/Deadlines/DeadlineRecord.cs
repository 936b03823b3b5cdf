namespace TicketFlow.Workflow.Deadlines;

/// <summary>
/// An open (or settled) deadline, written beside the orchestration that keeps it, so that "what is due for this EN
/// this week" is one query rather than a walk over orchestrations.
/// </summary>
/// <param name="EnPid">The EN that must meet it.</param>
/// <param name="SubjectId">The ticket number, dispute id or review id it belongs to.</param>
/// <param name="RuleId">The rulebook rule that set it (for example "iwp-submission").</param>
/// <param name="ClockStartedOn">The date that started the clock.</param>
/// <param name="DueOn">The due date, in the EN's time zone.</param>
/// <param name="State">Open, met, overdue or cancelled.</param>
/// <param name="StaffId">The staff member responsible, if one is named.</param>
public sealed record DeadlineRecord(
    string EnPid,
    string SubjectId,
    string RuleId,
    DateOnly ClockStartedOn,
    DateOnly DueOn,
    DeadlineState State,
    string? StaffId);
