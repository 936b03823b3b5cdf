using TicketFlow.Workflow.Deadlines;

namespace TicketFlow.Workflow.Tests.Deadlines;

public sealed class DeadlineRecordTests
{
    private static readonly DeadlineRecord Open = new("P1", "T-1", "iwp-submission", new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 26), DeadlineState.Open, "s1");

    [Theory]
    [InlineData("2026-01-20", true, DeadlineState.Met, null)]
    [InlineData("2026-01-26", true, DeadlineState.Met, null)]      // on the due date itself: on time
    [InlineData("2026-01-27", true, DeadlineState.MetLate, 1)]
    [InlineData("2026-02-05", true, DeadlineState.MetLate, 10)]
    [InlineData("2026-01-20", false, DeadlineState.Cancelled, null)]
    [InlineData("2026-02-01", false, DeadlineState.Missed, 6)]      // closed by something else after it was due
    public void A_settled_deadline_keeps_whether_it_was_met_on_time_met_late_or_missed(string on, bool done, DeadlineState state, int? daysLate)
    {
        var settled = Open.SettledOn(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), done);
        Assert.Equal((state, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), daysLate), (settled.State, settled.CompletedOn, settled.DaysLate));
    }

    [Fact]
    public void The_outcome_reads_as_the_timeline_shows_it()
    {
        Assert.Equal("met late on 2026-02-05, 10 days late", Open.SettledOn(new DateOnly(2026, 2, 5), done: true).Outcome);
        Assert.Equal("met on time on 2026-01-25", Open.SettledOn(new DateOnly(2026, 1, 25), done: true).Outcome);
        Assert.Equal("open", Open.Outcome);
        Assert.Equal("overdue", (Open with { State = DeadlineState.Overdue }).Outcome);
    }

    [Fact]
    public void The_report_of_late_work_asks_for_met_late_deadlines_in_the_period()
    {
        var query = DeadlineQuery.MetLateIn("P1", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        Assert.Equal((DeadlineState.MetLate, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)), (query.State, query.DueFrom, query.DueTo));
    }
}
