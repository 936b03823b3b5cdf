using System.Globalization;
using System.Text;
using System.Text.Json;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Earnings;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Rules;
using static TicketFlow.Api.Web.Html;

namespace TicketFlow.Api.Web.Pages;

/// <summary>
/// One ticket as the API shows it to the signed-in staff member: its phase, a timeline of every recorded event and
/// every deadline (started, due, met or missed, and to come), its IWPs with their findings and amendments, case
/// notes, earnings (with the Trial Work Level checkpoint from the rulebook) and the documents to download. A ticket
/// the API does not find for this user (another EN's included) is not found here either.
/// </summary>
internal static class TicketPage
{
    public static async Task<IResult> RenderAsync(HttpContext http, string ticketNumber, ApiDispatcher api, IEmploymentNetworkRepository networks, Rulebook rules, TimeProvider time, string? done)
    {
        var t = Uri.EscapeDataString(ticketNumber);
        var ticket = await api.SendAsync(http, "GET", $"tickets/{t}");
        if (ticket.Status == StatusCodes.Status404NotFound)
        {
            return WebPage.NotFound(http, $"There is no ticket {ticketNumber} in your EN.");
        }

        var today = await HomePage.TodayAsync(http, networks, time);
        var timeline = await api.SendAsync(http, "GET", $"tickets/{t}/timeline");
        var notes = await api.SendAsync(http, "GET", $"tickets/{t}/case-notes");
        var iwps = await api.SendAsync(http, "GET", $"tickets/{t}/iwps");
        var earnings = await api.SendAsync(http, "GET", $"tickets/{t}/earnings");
        var b = WebPage.Base(http);
        var record = ticket.Body.GetProperty("ticket");
        var html = new StringBuilder();
        if (done is { Length: > 0 })
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p class=\"notice\" role=\"status\">{E(done)}</p>");
        }

        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
            <dl class="facts">
            <dt>Phase</dt><dd id="phase">{E(record.Str("status"))}</dd>
            <dt>Staff member</dt><dd>{E(record.Str("staffId") ?? "none")}</dd>
            <dt>Registered</dt><dd>{Date(record.Str("registeredOn"))}</dd>
            <dt>Assigned</dt><dd>{(record.Str("assignedOn") is { } a ? Date(a) : "not yet")}</dd>
            </dl>
            <nav aria-label="Actions on this ticket"><ul class="actions">
            <li><a href="{b}/tickets/{t}/contact">Log a contact</a></li>
            <li><a href="{b}/tickets/{t}/event">Record IWP submission or TPM receipt</a></li>
            <li><a href="{b}/tickets/{t}/iwp">Upload an IWP</a></li>
            <li><a href="{b}/tickets/{t}/earnings">Record earnings</a></li>
            </ul></nav>
            """);

        var deadlines = timeline.Succeeded ? WebJson.Read<List<DeadlineRecord>>(http, timeline.Body.GetProperty("deadlines")) : [];
        html.Append("<section aria-labelledby=\"h-deadlines\"><h2 id=\"h-deadlines\">Deadlines</h2><div class=\"table-wrap\"><table id=\"deadlines\"><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Clock started</th><th scope=\"col\">Due</th><th scope=\"col\">State</th></tr></thead><tbody>");
        foreach (var d in deadlines.OrderBy(d => d.DueOn))
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<tr data-rule=\"{E(d.RuleId)}\" data-state=\"{d.State}\"><th scope=\"row\">{E(WebRuleGroups.Of(d.RuleId))} ({E(d.RuleId)})</th><td>{Date(d.ClockStartedOn)}</td><td class=\"due\">{Date(d.DueOn)}</td><td>{HomePage.Marker(d, today)}</td></tr>");
        }

        html.Append(deadlines.Count == 0 ? "<tr><td colspan=\"4\">No deadlines yet.</td></tr>" : "").Append("</tbody></table></div></section>");

        // The timeline: every event the audit trail holds for the ticket and every deadline's dates, in date order.
        var entries = new List<(DateOnly On, string Kind, string Text)>();
        if (timeline.Succeeded)
        {
            foreach (var e in WebJson.Read<List<AuditEntry>>(http, timeline.Body.GetProperty("events")))
            {
                entries.Add((DateOnly.FromDateTime(e.At.UtcDateTime), "event", $"{e.Action} by {e.Actor}: {e.Outcome}"));
            }
        }

        foreach (var d in deadlines)
        {
            entries.Add((d.ClockStartedOn, "deadline", $"{WebRuleGroups.Of(d.RuleId)} ({d.RuleId}) clock started, due {d.DueOn:yyyy-MM-dd}"));
            entries.Add((d.CompletedOn ?? d.DueOn, d.DueOn > today && d.CompletedOn is null ? "to come" : "deadline", $"{d.RuleId} due {d.DueOn:yyyy-MM-dd}: {d.Outcome}"));
        }

        html.Append("<section aria-labelledby=\"h-timeline\"><h2 id=\"h-timeline\">Timeline</h2><ol class=\"timeline\">");
        foreach (var (on, kind, text) in entries.OrderBy(e => e.On))
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<li>{Date(on)} <span class=\"kind\">{E(kind)}</span> {E(text)}</li>");
        }

        html.Append("</ol></section>");
        html.Append(Iwps(http, t, iwps));
        html.Append(Notes(http, notes));
        html.Append(Earnings(http, earnings, rules));
        return WebPage.Render(http, $"Ticket {ticketNumber}", html.ToString());
    }

    /// <summary>Each IWP with its amendments under it (in the order they were recorded) and the link to record another.</summary>
    private static string Iwps(HttpContext http, string t, ApiAnswer iwps)
    {
        var html = new StringBuilder("<section aria-labelledby=\"h-iwps\"><h2 id=\"h-iwps\">IWP and amendments</h2>");
        var list = iwps.Succeeded ? WebJson.Read<List<IwpRecord>>(http, iwps.Body) : [];
        if (list.Count == 0)
        {
            return html.Append("<p>No IWP is recorded.</p></section>").ToString();
        }

        var originals = list.Where(i => i.AmendsIwpId is null).ToList();
        foreach (var iwp in originals)
        {
            var id = Uri.EscapeDataString(iwp.IwpId);
            html.Append(CultureInfo.InvariantCulture, $"<article class=\"iwp\" id=\"iwp-{E(iwp.IwpId)}\" aria-labelledby=\"h-iwp-{E(iwp.IwpId)}\"><h3 id=\"h-iwp-{E(iwp.IwpId)}\">IWP {E(iwp.IwpId)}</h3>");
            html.Append(Record(http, t, iwp));
            var amendments = list.Where(a => a.AmendsIwpId == iwp.IwpId).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<h4>Amendments ({amendments.Count})</h4>");
            html.Append(amendments.Count == 0 ? "<p>No amendments.</p>" : "<ol class=\"amendments\">" + string.Concat(amendments.Select(a =>
                $"<li class=\"amendment\" id=\"iwp-{E(a.IwpId)}\"><p><strong>Amendment {E(a.IwpId)}</strong></p>{Record(http, t, a)}</li>")) + "</ol>");
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{WebPage.Base(http)}/tickets/{t}/iwps/{id}/amend\">Record an amendment to IWP {E(iwp.IwpId)}</a></p></article>");
        }

        // An amendment whose plan is not listed (not expected: the API attaches amendments to a recorded plan) is still shown.
        foreach (var stray in list.Where(a => a.AmendsIwpId is not null && originals.All(o => o.IwpId != a.AmendsIwpId)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<article class=\"iwp\" id=\"iwp-{E(stray.IwpId)}\"><h3>Amendment {E(stray.IwpId)} of {E(stray.AmendsIwpId)}</h3>{Record(http, t, stray)}</article>");
        }

        return html.Append("</section>").ToString();
    }

    /// <summary>A plan's or amendment's signatures, findings and signed document.</summary>
    private static string Record(HttpContext http, string t, IwpRecord iwp)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Signed by the EN on {Date(iwp.EnSignedOn)} and by the ticketholder on {Date(iwp.TicketholderSignedOn)}.</p>");
        html.Append(Findings(iwp.Findings));
        if (iwp.Document is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{WebPage.Base(http)}/tickets/{t}/iwps/{Uri.EscapeDataString(iwp.IwpId)}/document\" download>Download the signed {(iwp.AmendsIwpId is null ? "document" : "amendment")}</a></p>");
        }

        return html.ToString();
    }

    /// <summary>Compliance findings with their severity in words, the field they concern and their citation.</summary>
    public static string Findings(IEnumerable<IwpFinding> findings)
    {
        var list = findings.ToList();
        return list.Count == 0 ? "<p>No compliance findings.</p>"
            : "<ul class=\"findings\">" + string.Concat(list.Select(f =>
                $"<li class=\"finding {E(f.Severity.ToString().ToLowerInvariant())}\"><strong>{E(f.Severity.ToString())}</strong> ({E(f.Field)}): {E(f.Message)} <cite>{E(f.Citation.Source)}</cite></li>")) + "</ul>";
    }

    private static string Notes(HttpContext http, ApiAnswer notes)
    {
        var list = notes.Succeeded ? WebJson.Read<List<CaseNote>>(http, notes.Body) : [];
        var rows = string.Concat(list.OrderByDescending(n => n.On).Select(n =>
            $"<tr><td>{Date(n.On)}</td><td>{E(n.Kind.ToString())}</td><td>{E(n.Method?.ToString() ?? "")}</td><td>{E(n.StaffId)}</td><td>{E(n.Notes)}</td></tr>"));
        return $"""
            <section aria-labelledby="h-notes"><h2 id="h-notes">Case notes</h2>
            <div class="table-wrap"><table><thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Method</th><th scope="col">Staff</th><th scope="col">Notes</th></tr></thead>
            <tbody>{(rows.Length == 0 ? "<tr><td colspan=\"5\">No case notes.</td></tr>" : rows)}</tbody></table></div></section>
            """;
    }

    private static string Earnings(HttpContext http, ApiAnswer earnings, Rulebook rules)
    {
        var list = earnings.Succeeded ? WebJson.Read<List<MonthlyEarnings>>(http, earnings.Body) : [];
        var rows = string.Concat(list.Select(m =>
        {
            var twl = rules.Earnings.FirstOrDefault(e => e.Year == m.Month.Year)?.TrialWorkLevelMonthly;
            var finding = twl is null ? "No Trial Work Level known for that year."
                : m.GrossAmount < twl ? $"Below the Trial Work Level ({twl.Value.ToString("C0", CultureInfo.GetCultureInfo("en-US"))} in {m.Month.Year}): not a Trial Work Level month."
                : $"At or above the Trial Work Level ({twl.Value.ToString("C0", CultureInfo.GetCultureInfo("en-US"))} in {m.Month.Year}).";
            return $"<tr><td>{E(m.MonthKey)}</td><td>{E(m.GrossAmount.ToString("C2", CultureInfo.GetCultureInfo("en-US")))}</td><td>{E(m.Source.ToString())}</td><td class=\"finding\">{E(finding)}</td></tr>";
        }));
        return $"""
            <section aria-labelledby="h-earnings"><h2 id="h-earnings">Earnings</h2>
            <div class="table-wrap"><table id="earnings"><thead><tr><th scope="col">Month</th><th scope="col">Gross</th><th scope="col">Source</th><th scope="col">Finding</th></tr></thead>
            <tbody>{(rows.Length == 0 ? "<tr><td colspan=\"4\">No earnings recorded.</td></tr>" : rows)}</tbody></table></div></section>
            """;
    }

    /// <summary>The JSON element of an answer's field, or an undefined one.</summary>
    public static JsonElement Field(this ApiAnswer answer, string name) =>
        answer.Body.ValueKind == JsonValueKind.Object && answer.Body.TryGetProperty(name, out var v) ? v : default;
}
