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
/// <param name="State">Open, met on time, met late, overdue, missed, expired or cancelled.</param>
/// <param name="StaffId">The staff member responsible, if one is named.</param>
/// <param name="CompletedOn">When it was met (on time or late), or when it was settled otherwise; null while open or overdue.</param>
/// <param name="DaysLate">For a deadline met late or missed: the calendar days from the due date to <paramref name="CompletedOn"/>.</param>
public sealed record DeadlineRecord(
    string EnPid,
    string SubjectId,
    string RuleId,
    DateOnly ClockStartedOn,
    DateOnly DueOn,
    DeadlineState State,
    string? StaffId,
    DateOnly? CompletedOn = null,
    int? DaysLate = null)
{
    /// <summary>
    /// The record once it is settled on <paramref name="on"/>: by what the rule asks for (<paramref name="done"/>: met on
    /// time, or met late with the days late), or by something else (cancelled before the due date, missed after it).
    /// </summary>
    /// <param name="on">The date it was settled.</param>
    /// <param name="done">Whether what the rule asks for happened.</param>
    /// <returns>The settled record.</returns>
    public DeadlineRecord SettledOn(DateOnly on, bool done)
    {
        var late = on > DueOn;
        var state = (done, late) switch
        {
            (true, false) => DeadlineState.Met,
            (true, true) => DeadlineState.MetLate,
            (false, false) => DeadlineState.Cancelled,
            (false, true) => DeadlineState.Missed,
        };
        return this with { State = state, CompletedOn = on, DaysLate = late ? on.DayNumber - DueOn.DayNumber : null };
    }

    /// <summary>The words a timeline shows: "met late on 2026-02-05, 2 days late", "overdue", "missed (5 days late)".</summary>
    public string Outcome => State switch
    {
        DeadlineState.Met when CompletedOn is { } on => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"met on time on {on:yyyy-MM-dd}"),
        DeadlineState.MetLate => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"met late on {CompletedOn:yyyy-MM-dd}, {DaysLate} day{(DaysLate == 1 ? "" : "s")} late"),
        DeadlineState.Missed when DaysLate is { } days => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"missed (closed {CompletedOn:yyyy-MM-dd}, {days} day{(days == 1 ? "" : "s")} after it was due)"),
        _ => State.ToString().ToLowerInvariant(),
    };
}
