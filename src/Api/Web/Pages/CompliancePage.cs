using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Rules;
using static TicketFlow.Api.Web.Html;

namespace TicketFlow.Api.Web.Pages;

/// <summary>
/// Contact compliance per month, for the last twelve: of the tickets with a contact period due that month (a follow-up
/// deadline of the contact cadence), the share with a two-way contact that month, and for the others the contact
/// attempts logged against the three the cadence requires. A chart (SVG, no script) and the same figures as a table.
/// </summary>
internal static class CompliancePage
{
    private const int Months = 12;

    /// <summary>Case-note reads in flight at once: enough to hide each read's round trip, few enough to leave the store to others.</summary>
    private const int ConcurrentReads = 8;

    public static async Task<IResult> RenderAsync(HttpContext http, ApiDispatcher api, IEmploymentNetworkRepository networks, Rulebook rules, TimeProvider time)
    {
        var today = await HomePage.TodayAsync(http, networks, time);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        var last = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        // Only the contact periods' deadlines (the API filters by rule), not every deadline of the EN's year.
        var followUps = rules.ContactCadences.Select(c => c.FollowUpRuleId).Distinct(StringComparer.Ordinal).ToList();
        var answers = await Task.WhenAll(followUps.Select(rule =>
            api.SendAsync(http, "GET", $"deadlines?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}&rule={Uri.EscapeDataString(rule)}")));
        if (answers.FirstOrDefault(a => !a.Succeeded) is { } refused)
        {
            return WebPage.Render(http, "Contact compliance", $"<p role=\"alert\">{E(refused.Message ?? "The deadlines cannot be read.")}</p>", refused.Status);
        }

        var required = rules.ContactCadences.Select(c => c.MinimumAttempts).DefaultIfEmpty(3).Max();
        var periods = answers.SelectMany(a => WebJson.Read<List<DeadlineRecord>>(http, a.Body))
            .Where(d => d.State != DeadlineState.Cancelled).ToList();

        // A contact period's deadline is met only by a two-way contact, and records that contact's date as the day it
        // was met (Workflow/Tickets/Agenda/DeadlineChanges): a ticket with one met in a month had two-way contact that
        // month, which the deadlines already read show. Only the other tickets' case notes are read (to find a two-way
        // contact or count the attempts), several at a time: one ticket after another, the page's time grew with the EN.
        var contacted = periods.Where(d => d.State is DeadlineState.Met or DeadlineState.MetLate && d.CompletedOn is not null)
            .Select(d => (d.SubjectId, Month: FirstOfMonth(d.CompletedOn!.Value))).ToHashSet();
        var counted = periods.Where(p => p.DueOn >= first && p.DueOn <= last).Select(p => (p.SubjectId, Month: FirstOfMonth(p.DueOn))).Distinct().ToList();
        var unproven = counted.Where(c => !contacted.Contains(c)).Select(c => c.SubjectId).Distinct(StringComparer.Ordinal).ToList();
        var notes = new ConcurrentDictionary<string, List<CaseNote>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(unproven, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentReads, CancellationToken = http.RequestAborted }, async (ticket, _) =>
        {
            var read = await api.SendAsync(http, "GET", $"tickets/{Uri.EscapeDataString(ticket)}/case-notes?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}");
            notes[ticket] = read.Succeeded ? WebJson.Read<List<CaseNote>>(http, read.Body) : [];
        });

        var rows = new List<(DateOnly Month, int Tickets, int TwoWay, int Attempts, int Required)>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            var tickets = counted.Where(c => c.Month == month).Select(c => c.SubjectId).ToList();
            bool InMonth(CaseNote n) => n.On >= month && n.On <= end;
            bool TwoWay(string t) => contacted.Contains((t, month)) || notes[t].Any(n => InMonth(n) && n.Kind == CaseNoteKind.TwoWayContact);
            var without = tickets.Where(t => !TwoWay(t)).ToList();
            var attempts = without.Sum(t => Math.Min(required, notes[t].Count(n => InMonth(n) && n.Kind == CaseNoteKind.ContactAttempt)));
            rows.Add((month, tickets.Count, tickets.Count - without.Count, attempts, without.Count * required));
        }

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Months {E(first.ToString("MMMM yyyy", CultureInfo.InvariantCulture))} to {E(last.ToString("MMMM yyyy", CultureInfo.InvariantCulture))}. A ticket counts in the month its contact period is due; without a two-way contact, {required} attempts are required.</p>");
        html.Append(Chart(rows));
        html.Append("<div class=\"table-wrap\"><table id=\"compliance\"><caption>Contact compliance by month (the chart's figures)</caption><thead><tr><th scope=\"col\">Month</th><th scope=\"col\">Tickets with a contact period</th><th scope=\"col\">With two-way contact</th><th scope=\"col\">Share</th><th scope=\"col\">Attempts logged / required (tickets without two-way contact)</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{r.Month:yyyy-MM}</th><td>{r.Tickets}</td><td>{r.TwoWay}</td><td>{Share(r.TwoWay, r.Tickets)}</td><td>{r.Attempts} / {r.Required}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        return WebPage.Render(http, "Contact compliance", html.ToString());
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static string Share(int part, int whole) => whole == 0 ? "no tickets" : (part / (double)whole).ToString("P0", CultureInfo.InvariantCulture);

    /// <summary>Bars of the two-way share per month; the table beside it holds every figure, so the chart is decoration for readers who can see it.</summary>
    private static string Chart(List<(DateOnly Month, int Tickets, int TwoWay, int Attempts, int Required)> rows)
    {
        const int height = 160, bar = 36, gap = 12;
        var width = rows.Count * (bar + gap) + gap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 {width} {height + 40}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title id=\"chart-title\">Share of tickets with two-way contact per month; the figures are in the table below.</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var share = r.Tickets == 0 ? 0 : r.TwoWay / (double)r.Tickets;
            var h = (int)Math.Round(share * height);
            var x = gap + i * (bar + gap);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"share\" x=\"{x}\" y=\"{height - h}\" width=\"{bar}\" height=\"{h}\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{height + 14}\">{r.Month:MMM}</text><text x=\"{x}\" y=\"{height + 30}\">{(r.Tickets == 0 ? "–" : share.ToString("P0", CultureInfo.InvariantCulture))}</text>");
        }

        return svg.Append("</svg><figcaption>Share of tickets with two-way contact, by month.</figcaption></figure>").ToString();
    }
}
