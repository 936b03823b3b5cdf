using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Rules;
using TicketFlow.Server.Simulation;
using TicketFlow.Workflow.Simulation;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;
using Xunit.Abstractions;

namespace TicketFlow.Workflow.Tests.Simulation;

/// <summary>
/// A thousand tickets through two years of simulated time on the durable engine, then every deadline and every
/// reminder checked against an independent oracle (PlainLanguageRules: each rule from its plain-language definition,
/// counted day by day, sharing no code with the calculator), and every ticket's final status against the transition
/// table applied to its script.
/// </summary>
public sealed partial class ThousandTicketsTests(ITestOutputHelper output)
{
    private static readonly EnTimeZone Zone = new(EnTimeZone.DefaultId);

    [Fact]
    public async Task Every_reminder_and_deadline_of_1000_tickets_over_two_years_agrees_with_the_rulebook()
    {
        var start = new DateOnly(2026, 1, 5);
        var end = start.AddYears(2).AddDays(-1);
        // TICKETFLOW_SIMULATED_TICKETS runs fewer (or more) tickets locally, for example to see quickly that a mutated rule fails.
        var count = int.TryParse(Environment.GetEnvironmentVariable("TICKETFLOW_SIMULATED_TICKETS"), out var n) && n > 0 ? n : 1000;
        var scripts = RandomTicketScripts.Create(count, start, end, seed: 20261122);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var simulation = await TicketSimulation.StartAsync(start);

        await simulation.RunAsync(scripts, end);

        output.WriteLine($"simulated {scripts.Count} tickets, {scripts.Sum(s => s.Events.Count)} events, two years, in {clock.Elapsed.TotalSeconds:F1} s");
        var failed = await simulation.Host.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed] }).ToListAsync();
        Assert.Empty(failed);

        var records = simulation.Records;
        var deadlines = records.Deadlines.Values.Where(d => d.SubjectId.StartsWith("T-", StringComparison.Ordinal)).ToList();
        Assert.All(deadlines, d => Assert.True(PlainLanguageRules.DueDate(d.RuleId, d.ClockStartedOn) == d.DueOn,
            $"{d.SubjectId} {d.RuleId} from {d.ClockStartedOn:yyyy-MM-dd}: TicketFlow says {d.DueOn:yyyy-MM-dd}, the plain-language oracle {PlainLanguageRules.DueDate(d.RuleId, d.ClockStartedOn):yyyy-MM-dd}"));

        // The clocks the scripts started: each signature opens a submission window, each receipt a review clock.
        foreach (var script in scripts)
        {
            foreach (var signed in script.Events.OfType<IwpSigned>())
            {
                Assert.Contains(deadlines, d => d.SubjectId == script.TicketNumber && d.RuleId == RuleIds.IwpSubmission && d.ClockStartedOn == signed.On);
            }

            foreach (var receipt in script.Events.OfType<TpmReceiptRecorded>())
            {
                var review = Assert.Single(deadlines, d => d.SubjectId == script.TicketNumber && d.RuleId == RuleIds.PmReview && d.ClockStartedOn == receipt.On);
                Assert.Equal(PlainLanguageRules.DueDate(RuleIds.PmReview, receipt.On), review.DueOn);
            }
        }

        // Every reminder on its day: N days before the rule's due date. Every overdue mark the day after it, or, for a
        // deadline that only opened after its due date (a phase change that switches to the 180-day rule after 180
        // days without contact), the day it opened.
        var history = records.DeadlineHistory.ToList();
        var byDeadline = history.ToLookup(h => (h.Record.SubjectId, h.Record.RuleId, h.Record.ClockStartedOn));
        DateOnly OpenedOn(string subject, string rule, DateOnly clockStart) =>
            Zone.DateOf(byDeadline[(subject, rule, clockStart)].First().At);
        var checkedEmails = 0;
        foreach (var (message, at) in simulation.Email.Sent)
        {
            var match = ReminderKey().Match(message.ReminderId ?? string.Empty);
            if (!match.Success)
            {
                continue;
            }

            var rule = match.Groups["rule"].Value;
            var clockStart = DateOnly.ParseExact(match.Groups["clock"].Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var due = PlainLanguageRules.DueDate(rule, clockStart);
            var sentOn = Zone.DateOf(at);
            var ticket = match.Groups["ticket"].Value;
            var expected = match.Groups["kind"].Value switch
            {
                "overdue" => Later(due.AddDays(1), OpenedOn(ticket, rule, clockStart)),
                "checkpoint" => due,
                var remind => due.AddDays(-int.Parse(remind[7..^1], System.Globalization.CultureInfo.InvariantCulture)),
            };
            Assert.True(expected == sentOn, $"{message.ReminderId} was sent on {sentOn:yyyy-MM-dd}, expected {expected:yyyy-MM-dd}");

            // Never a reminder for a deadline that was already met (on time or late) or cancelled. (A missed follow-up
            // period is written missed by its own overdue mark, which the escalation email follows.)
            var settled = byDeadline[(ticket, rule, clockStart)].FirstOrDefault(h => h.Record.State is DeadlineState.Met or DeadlineState.MetLate or DeadlineState.Cancelled);
            Assert.True(settled.Record is null || settled.At > at, $"{message.ReminderId} was sent after its deadline was {settled.Record?.State}");
            checkedEmails++;
        }

        // Overdue (and missed-period) marks are made the day after the due date (or the day a late-opened deadline
        // opened), never otherwise; work done late is recorded as met late with its days late, never as met.
        Assert.All(history.Where(h => h.Record.State == DeadlineState.MetLate), h =>
            Assert.Equal(h.Record.CompletedOn!.Value.DayNumber - h.Record.DueOn.DayNumber, h.Record.DaysLate));
        Assert.All(history.Where(h => h.Record.State == DeadlineState.Met), h => Assert.True(h.Record.CompletedOn <= h.Record.DueOn));
        Assert.Contains(history, h => h.Record.State == DeadlineState.MetLate);
        Assert.All(history.Where(h => h.Record.State is DeadlineState.Overdue || (h.Record.State is DeadlineState.Missed && h.Record.CompletedOn is null)).Where(h => h.Record.SubjectId.StartsWith("T-", StringComparison.Ordinal)),
            h => Assert.Equal(Later(h.Record.DueOn.AddDays(1), OpenedOn(h.Record.SubjectId, h.Record.RuleId, h.Record.ClockStartedOn)), Zone.DateOf(h.At)));

        // Final statuses: the script folded through the transition table.
        foreach (var script in scripts)
        {
            var status = TicketStatus.Registered;
            foreach (var e in script.Events)
            {
                var decision = TicketTransitions.Check(new TicketFacts(status, false, false, null), e);
                Assert.True(decision.Allowed, $"{script.TicketNumber}: {decision.Reason}");
                status = decision.NextStatus!.Value;
            }

            Assert.Equal(status, records.Tickets[(TicketSimulation.EnPid, script.TicketNumber)].Status);
        }

        output.WriteLine($"checked {deadlines.Count} deadline records, {history.Count} deadline writes, {checkedEmails} reminder emails");
        Assert.True(checkedEmails > 10 * count, $"only {checkedEmails} reminders were checked");
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    [GeneratedRegex(@"^ticket:P00001:(?<ticket>T-\d{4})\|(?<rule>[a-z-]+)@(?<clock>\d{4}-\d{2}-\d{2})\|(?<kind>remind-\d+d|overdue|checkpoint)$")]
    private static partial Regex ReminderKey();
}
