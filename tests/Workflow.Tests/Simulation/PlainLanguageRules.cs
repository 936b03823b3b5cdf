using TicketFlow.Workflow.Tests.Calendar;

namespace TicketFlow.Workflow.Tests.Simulation;

/// <summary>
/// An independent oracle for the rulebook's due dates: each rule written from its plain-language definition in the
/// source documents, with its own numbers, counted one day at a time. It shares no code with DeadlineCalculator or
/// the Rulebook (its holidays come from IndependentFederalHolidays, itself a separate reading of 5 U.S.C. 6103 and the
/// Executive Orders), so a wrong number in the rulebook (14 days read as 15) makes the two disagree.
/// </summary>
internal static class PlainLanguageRules
{
    /// <summary>The due date of a rule whose clock started on <paramref name="clockStart"/>.</summary>
    public static DateOnly DueDate(string ruleId, DateOnly clockStart) => ruleId switch
    {
        // EN Guide, "Submitting IWPs": "no later than 14 calendar days after both ... have signed and dated it";
        // portal assignment "within 14 calendar days of the signature dates".
        "iwp-submission" or "ticket-assignment" => CalendarDaysAfter(clockStart, 14),

        // "Program Integrity will review IWPs within seven business days from receipt date."
        "pm-review" => BusinessDaysAfter(clockStart, 7),

        // Follow up "at least monthly" (Initial Job Acquisition) and "at least quarterly" (Ongoing Support).
        "ija-follow-up" => SameDayMonthsLater(clockStart, 1),
        "osp-follow-up" => SameDayMonthsLater(clockStart, 3),

        // "unassign the Ticket within 60 days" / "within 180 days from the date of initial contact attempt".
        "ija-unassign" => CalendarDaysAfter(clockStart, 60),
        "osp-unassign" => CalendarDaysAfter(clockStart, 180),

        // TWL "by at least the tenth month after signing the IWP"; SGA "after the first year of work".
        "twl-earnings-goal" => SameDayMonthsLater(clockStart, 10),
        "sga-earnings-goal" => SameDayMonthsLater(clockStart, 12),

        // 20 CFR 411.435(c)(2): 20 calendar days to recommend, 30 calendar days to ask for a decision.
        "dispute-recommendation" => CalendarDaysAfter(clockStart, 20),
        "dispute-decision-request" => CalendarDaysAfter(clockStart, 30),
        _ => throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "The oracle does not know this rule."),
    };

    private static DateOnly CalendarDaysAfter(DateOnly start, int days)
    {
        var day = start;
        for (var counted = 0; counted < days; counted++)
            day = day.AddDays(1);
        return day;
    }

    private static DateOnly BusinessDaysAfter(DateOnly start, int days)
    {
        var day = start;
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && IndependentFederalHolidays.Classify(day) is null)
                counted++;
        }

        return day;
    }

    // Walks forward a day at a time, counting the months entered; stops on the same day of the month, or on the month's
    // last day when it has no such day (a due-by date: earlier is safe).
    private static DateOnly SameDayMonthsLater(DateOnly start, int months)
    {
        var day = start;
        var entered = 0;
        while (true)
        {
            var next = day.AddDays(1);
            if (next.Month != day.Month)
                entered++;
            day = next;
            var lastDayOfMonth = day.AddDays(1).Month != day.Month;
            if (entered == months && (day.Day == start.Day || (lastDayOfMonth && start.Day > day.Day)))
                return day;
        }
    }
}
