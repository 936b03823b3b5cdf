using TicketFlow.Workflow.Earnings;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Tests.Earnings;

public sealed class EarningsCheckpointTests
{
    private static MonthlyEarnings Month(int year, int month, decimal gross) =>
        new("P1", "T-1", new DateOnly(year, month, 1), gross, MonthlyEarningsSource.PayStub, "s1", null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(RuleIds.TwlEarningsGoal, "2026-11-12", 2026, 11, 1210, EarningsCheckpointOutcome.AtOrAbove, 1210)]   // exactly TWL 2026
    [InlineData(RuleIds.TwlEarningsGoal, "2026-11-12", 2026, 11, 1209.99, EarningsCheckpointOutcome.Below, 1210)]
    [InlineData(RuleIds.TwlEarningsGoal, "2026-11-12", 2026, 10, 1500, EarningsCheckpointOutcome.AtOrAbove, 1210)]   // the month before, when November is not recorded yet
    [InlineData(RuleIds.TwlEarningsGoal, "2026-11-12", 2026, 9, 1500, EarningsCheckpointOutcome.Missing, 1210)]      // September is too old
    [InlineData(RuleIds.SgaEarningsGoal, "2025-06-02", 2025, 6, 1619, EarningsCheckpointOutcome.Below, 1620)]        // SGA 2025, the webinar's $1,620
    [InlineData(RuleIds.SgaEarningsGoal, "2026-01-15", 2025, 12, 1650, EarningsCheckpointOutcome.AtOrAbove, 1620)]   // December 2025 compares with 2025's amount
    public void Recorded_earnings_are_compared_with_the_amount_of_the_months_year(string rule, string checkpoint, int year, int month, double gross, EarningsCheckpointOutcome outcome, int threshold)
    {
        var on = DateOnly.Parse(checkpoint, System.Globalization.CultureInfo.InvariantCulture);
        var finding = EarningsCheckpoint.Evaluate(Rulebook.Default, rule, on, [Month(year, month, (decimal)gross)]);
        Assert.Equal((outcome, (decimal)threshold), (finding.Outcome, finding.Threshold));
        Assert.Equal(outcome != EarningsCheckpointOutcome.AtOrAbove, finding.NeedsAttention);
        Assert.Contains(rule, finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_without_amounts_is_a_finding_of_its_own_never_another_years_amounts()
    {
        var finding = EarningsCheckpoint.Evaluate(Rulebook.Default, RuleIds.SgaEarningsGoal, new DateOnly(2027, 3, 10), [Month(2027, 3, 5000)]);
        Assert.Equal(EarningsCheckpointOutcome.NoAmounts, finding.Outcome);
        Assert.Null(finding.Threshold);
        Assert.Contains("no TWL/SGA amounts for 2027", finding.Text, StringComparison.Ordinal);
        Assert.True(finding.NeedsAttention);
    }
}
