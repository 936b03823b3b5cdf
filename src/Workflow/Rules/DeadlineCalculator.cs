using System.Globalization;
using System.Text;
using TicketFlow.Workflow.Calendar;

namespace TicketFlow.Workflow.Rules;

/// <summary>
/// Computes deadlines from the rulebook: a rule id and the date that started its clock give the date and a line
/// explaining how it was counted. All counting conventions of <see cref="Rulebook.Conventions"/> live here.
/// </summary>
public sealed class DeadlineCalculator
{
    private readonly FederalCalendar _calendar;

    /// <summary>Creates a calculator over a rulebook and the federal calendar.</summary>
    public DeadlineCalculator(Rulebook rulebook, FederalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(calendar);
        Rulebook = rulebook;
        _calendar = calendar;
    }

    /// <summary>The calculator on the default rulebook and calendar.</summary>
    public static DeadlineCalculator Default { get; } = new(Rulebook.Default, FederalCalendar.Default);

    /// <summary>The rulebook the rules come from.</summary>
    public Rulebook Rulebook { get; }

    /// <summary>The deadline of rule <paramref name="ruleId"/> whose clock started on <paramref name="clockStart"/>.</summary>
    /// <exception cref="UnknownRuleException">No rule has this id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A business-day count runs outside the years the federal calendar covers, or the date would pass 0001-01-01 or 9999-12-31.</exception>
    public Deadline Compute(string ruleId, DateOnly clockStart) => Compute(Rulebook.Get(ruleId), clockStart);

    /// <summary>The deadline of <paramref name="rule"/> whose clock started on <paramref name="clockStart"/>.</summary>
    public Deadline Compute(DeadlineRule rule, DateOnly clockStart)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Counting switch
        {
            DeadlineCounting.CalendarDays => CalendarDays(rule, clockStart),
            DeadlineCounting.BusinessDays => BusinessDays(rule, clockStart),
            DeadlineCounting.CalendarMonths => Months(rule, clockStart, rule.Amount),
            DeadlineCounting.CalendarYears => Months(rule, clockStart, rule.Amount * 12),
            _ => throw new InvalidOperationException($"Rule {rule.Id} has unknown counting {rule.Counting}."),
        };
    }

    /// <summary>
    /// The deadline from an instant rather than a date: the instant becomes a date in <paramref name="zone"/> first
    /// (e.g. an IWP emailed at 23:30 in New York on March 9 was received on March 9, although it is March 10 in UTC).
    /// </summary>
    public Deadline Compute(string ruleId, DateTimeOffset clockStartInstant, EnTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Compute(ruleId, zone.DateOf(clockStartInstant));
    }

    private Deadline CalendarDays(DeadlineRule rule, DateOnly start)
    {
        var due = start.AddDays(rule.Amount);
        var text = new StringBuilder(Header(rule, start, "after"));
        text.Append(Inv($": {Day(due)}."));
        // Outside the calendar's years only weekends can be named; calendar days never depend on holidays anyway.
        var closed = FederalCalendar.Covers(due) ? _calendar.WhyNotABusinessDay(due)
            : due.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? due.DayOfWeek.ToString() : null;
        if (closed is not null)
            text.Append(Inv($" {due:yyyy-MM-dd} is not a business day ({closed}), but a calendar-day deadline does not move: the earlier date is the safe one."));
        else
            text.Append(" Calendar days do not move off weekends or holidays.");
        return new Deadline(rule, start, due, text.ToString());
    }

    private Deadline BusinessDays(DeadlineRule rule, DateOnly start)
    {
        var due = _calendar.AddBusinessDays(start, rule.Amount);
        var weekendDays = 0;
        var closures = new List<string>();
        for (var day = start.AddDays(1); day < due; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                weekendDays++;
            else if (_calendar.HolidayOn(day) is { } holiday)
                closures.Add(Inv($"{day:yyyy-MM-dd} {holiday.DisplayName}"));
        }

        var text = new StringBuilder(Header(rule, start, "after"));
        text.Append(Inv($", the first business day after {start:yyyy-MM-dd} counting as day 1"));
        var skipped = new List<string>();
        if (weekendDays > 0)
            skipped.Add(Inv($"{weekendDays} weekend day{(weekendDays == 1 ? "" : "s")}"));
        skipped.AddRange(closures);
        if (skipped.Count > 0)
            text.Append(Inv($", skipping {string.Join(", ", skipped)}"));
        text.Append(Inv($": {Day(due)}."));
        return new Deadline(rule, start, due, text.ToString());
    }

    private static Deadline Months(DeadlineRule rule, DateOnly start, int months)
    {
        var backwards = rule.Kind == DeadlineKind.WindowStart;
        var first = new DateOnly(start.Year, start.Month, 1).AddMonths(backwards ? -months : months);
        var daysInMonth = DateTime.DaysInMonth(first.Year, first.Month);
        DateOnly date;
        string? adjustment = null;
        if (start.Day <= daysInMonth)
        {
            date = first.AddDays(start.Day - 1);
        }
        else if (rule.Kind == DeadlineKind.NotBefore)
        {
            date = first.AddMonths(1);
            adjustment = Inv($" {first:MMMM yyyy} has no day {start.Day}, so the date moves to the first day of the next month (for a may-from date, later is safe).");
        }
        else
        {
            date = first.AddDays(daysInMonth - 1);
            adjustment = Inv($" {first:MMMM yyyy} has no day {start.Day}, so the date is the last day of that month (earlier is safe).");
        }

        var text = new StringBuilder(Header(rule, start, backwards ? "before" : "after"));
        text.Append(rule.Kind switch
        {
            DeadlineKind.WindowStart => Inv($": the window runs from {Day(date)} through {start:yyyy-MM-dd}."),
            DeadlineKind.NotBefore => Inv($": allowed from {Day(date)}."),
            _ => Inv($": {Day(date)}."),
        });
        if (adjustment is not null)
            text.Append(adjustment);
        return new Deadline(rule, start, date, text.ToString());
    }

    private static string Header(DeadlineRule rule, DateOnly start, string direction) =>
        Inv($"{rule.Span} {direction} {start:yyyy-MM-dd} ({rule.ClockStart.Describe()})");

    private static string Day(DateOnly date) => Inv($"{date:yyyy-MM-dd} ({date.DayOfWeek})");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
