namespace TicketFlow.Workflow.Rules;

/// <summary>A computed deadline: the rule, the clock start it was counted from, the date, and how it was counted.</summary>
/// <param name="Rule">The rule applied.</param>
/// <param name="ClockStartDate">The date of the event that started the clock.</param>
/// <param name="Date">The computed date (for a due-by rule, the last day on which it is on time).</param>
/// <param name="Explanation">One line saying how the date was counted, for the user and the audit trail.</param>
public sealed record Deadline(DeadlineRule Rule, DateOnly ClockStartDate, DateOnly Date, string Explanation);
