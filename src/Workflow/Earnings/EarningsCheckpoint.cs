using System.Globalization;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Earnings;

/// <summary>
/// Compares the earnings recorded for a ticket with the amount of the checkpoint's year (SSA's IWP summary: TWL by the
/// 10th month after signing, SGA after the first year of work). The month compared is the checkpoint's month, or the
/// month before when the checkpoint's month is not recorded yet (a month's pay is often known only after it ends). A
/// year without amounts in the rulebook is a finding of its own, never a comparison with another year's amounts.
/// </summary>
public static class EarningsCheckpoint
{
    /// <summary>Evaluates a checkpoint.</summary>
    /// <param name="rulebook">The rulebook (amounts by year).</param>
    /// <param name="ruleId">twl-earnings-goal or sga-earnings-goal.</param>
    /// <param name="checkpointOn">The checkpoint's date.</param>
    /// <param name="earnings">The ticket's recorded months.</param>
    /// <returns>The finding.</returns>
    public static EarningsCheckpointFinding Evaluate(Rulebook rulebook, string ruleId, DateOnly checkpointOn, IReadOnlyList<MonthlyEarnings> earnings)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(earnings);
        var twl = ruleId == RuleIds.TwlEarningsGoal;
        var level = twl ? "Trial Work Level (TWL)" : "Substantial Gainful Activity (SGA)";
        var checkpointMonth = new DateOnly(checkpointOn.Year, checkpointOn.Month, 1);
        var recorded = earnings.FirstOrDefault(e => e.Month == checkpointMonth) ?? earnings.FirstOrDefault(e => e.Month == checkpointMonth.AddMonths(-1));
        var month = recorded?.Month ?? checkpointMonth;
        var amounts = rulebook.EarningsFor(month.Year);
        if (amounts is null)
        {
            return new(ruleId, checkpointOn, EarningsCheckpointOutcome.NoAmounts, recorded?.Month, recorded?.GrossAmount, null,
                Inv($"Earnings checkpoint {ruleId} on {checkpointOn:yyyy-MM-dd}: {rulebook.NoAmountsFor(month.Year)}, so the {level} comparison cannot be made. {(recorded is null ? "No earnings are recorded for the month either." : Inv($"Recorded for {recorded.Month:MMMM yyyy}: {Money(recorded.GrossAmount)} ({recorded.Source}).")) } Add the year's amounts to the rulebook, then compare by hand."));
        }

        var threshold = twl ? amounts.TrialWorkLevelMonthly : amounts.SubstantialGainfulActivityMonthly;
        var blind = twl ? "" : Inv($" ({Money(amounts.SubstantialGainfulActivityBlindMonthly)} for a statutorily blind ticketholder)");
        if (recorded is null)
        {
            return new(ruleId, checkpointOn, EarningsCheckpointOutcome.Missing, null, null, threshold,
                Inv($"Earnings checkpoint {ruleId} on {checkpointOn:yyyy-MM-dd}: no earnings are recorded for {checkpointMonth:MMMM yyyy} or {checkpointMonth.AddMonths(-1):MMMM yyyy}. The {amounts.Year} {level} amount is {Money(threshold)} a month{blind}. Record the ticketholder's monthly earnings (pay stub, employer report or their statement) in TicketFlow."));
        }

        var below = recorded.GrossAmount < threshold;
        return new(ruleId, checkpointOn, below ? EarningsCheckpointOutcome.Below : EarningsCheckpointOutcome.AtOrAbove, recorded.Month, recorded.GrossAmount, threshold,
            Inv($"Earnings checkpoint {ruleId} on {checkpointOn:yyyy-MM-dd}: {recorded.Month:MMMM yyyy} earnings of {Money(recorded.GrossAmount)} ({recorded.Source}) are {(below ? "below" : "at or above")} the {amounts.Year} {level} amount of {Money(threshold)} a month{blind}.{(below ? " Review the IWP's goals and services with the ticketholder, and amend the IWP if they need to change." : "")}"));
    }

    private static string Money(decimal amount) => amount.ToString("$#,##0.##", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
