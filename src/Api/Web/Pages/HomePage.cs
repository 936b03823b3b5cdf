using System.Globalization;
using System.Text;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.EmploymentNetworks;
using static TicketFlow.Api.Web.Html;

namespace TicketFlow.Api.Web.Pages;

/// <summary>
/// "What must I do this week": the EN's deadlines due this week (by day), overdue ones whenever they were due, and
/// those met late this week, with counts by rule group and by staff member. Overdue is said in words and an icon,
/// never by colour alone.
/// </summary>
internal static class HomePage
{
    /// <summary>How far back the page looks for deadlines still overdue.</summary>
    private const int OverdueLookBackDays = 366;

    public static async Task<IResult> RenderAsync(HttpContext http, ApiDispatcher api, IEmploymentNetworkRepository networks, TimeProvider time, string? week)
    {
        var today = await TodayAsync(http, networks, time);
        var anchor = DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var w) ? w : today;
        var monday = anchor.AddDays(-(((int)anchor.DayOfWeek + 6) % 7));
        var sunday = monday.AddDays(6);
        var answer = await api.SendAsync(http, "GET", $"deadlines?from={monday.AddDays(-OverdueLookBackDays):yyyy-MM-dd}&to={sunday:yyyy-MM-dd}");
        if (!answer.Succeeded)
        {
            return WebPage.Render(http, "This week", $"<p role=\"alert\">{E(answer.Message ?? "The deadlines cannot be read.")}</p>", answer.Status);
        }

        var all = WebJson.Read<List<DeadlineRecord>>(http, answer.Body);
        var due = all.Where(d => d.DueOn >= monday && d.DueOn <= sunday && d.State != DeadlineState.Cancelled).ToList();
        var overdue = all.Where(d => IsOverdue(d, today)).ToList();
        var metLate = all.Where(d => d.State == DeadlineState.MetLate && d.CompletedOn >= monday && d.CompletedOn <= sunday).ToList();

        var b = WebPage.Base(http);
        var html = new StringBuilder();
        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
            <p>Week of {Date(monday)} to {Date(sunday)}. Today is {Date(today)}.</p>
            <nav aria-label="Weeks" class="pager"><a href="{b}/?week={monday.AddDays(-7):yyyy-MM-dd}">Previous week</a> <a href="{b}/">This week</a> <a href="{b}/?week={monday.AddDays(7):yyyy-MM-dd}">Next week</a></nav>
            <ul class="counts" aria-label="Counts">
            <li><strong id="count-due">{due.Count}</strong> due this week</li>
            <li><strong id="count-overdue">{overdue.Count}</strong> overdue</li>
            <li><strong id="count-met-late">{metLate.Count}</strong> met late this week</li>
            </ul>
            """);

        html.Append("<section aria-labelledby=\"h-overdue\"><h2 id=\"h-overdue\">Overdue</h2>");
        html.Append(overdue.Count == 0 ? "<p>Nothing is overdue.</p>" : List(http, overdue.OrderBy(d => d.DueOn), today));
        html.Append("</section><section aria-labelledby=\"h-days\"><h2 id=\"h-days\">Due this week, by day</h2>");
        for (var day = monday; day <= sunday; day = day.AddDays(1))
        {
            var items = due.Where(d => d.DueOn == day).OrderBy(d => d.RuleId, StringComparer.Ordinal).ThenBy(d => d.SubjectId, StringComparer.Ordinal).ToList();
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<h3 id=\"day-{day:yyyy-MM-dd}\">{Date(day)}{(day == today ? " (today)" : "")} <span class=\"count\">{items.Count} due</span></h3>");
            html.Append(items.Count == 0 ? "<p class=\"none\">Nothing due.</p>" : List(http, items, today));
        }

        html.Append("</section><section aria-labelledby=\"h-late\"><h2 id=\"h-late\">Met late this week</h2>");
        html.Append(metLate.Count == 0 ? "<p>None.</p>" : List(http, metLate.OrderBy(d => d.CompletedOn), today));
        html.Append("</section>");
        html.Append(CountTable("By rule", "h-by-rule", due, overdue, metLate, d => WebRuleGroups.Of(d.RuleId)));
        html.Append(CountTable("By staff member", "h-by-staff", due, overdue, metLate, d => d.StaffId ?? "(nobody assigned)"));
        return WebPage.Render(http, "This week", html.ToString());
    }

    /// <summary>Today in the EN's time zone, as the API counts it.</summary>
    public static async Task<DateOnly> TodayAsync(HttpContext http, IEmploymentNetworkRepository networks, TimeProvider time)
    {
        var en = await networks.FindAsync(Caller.From(http.User).EnPid, http.RequestAborted);
        return new EnTimeZone(en?.TimeZone ?? EnTimeZone.DefaultId).Today(time);
    }

    /// <summary>Past due and not done: overdue once recorded so, or still open after its date.</summary>
    public static bool IsOverdue(DeadlineRecord d, DateOnly today) =>
        d.State == DeadlineState.Overdue || (d.State == DeadlineState.Open && d.DueOn < today);

    /// <summary>The marker beside a deadline's state: an icon and words, so colour is never the only sign.</summary>
    public static string Marker(DeadlineRecord d, DateOnly today) =>
        IsOverdue(d, today) ? "<strong class=\"badge overdue\"><span aria-hidden=\"true\">⚠ </span>Overdue</strong>"
        : d.State == DeadlineState.MetLate ? $"<span class=\"badge late\"><span aria-hidden=\"true\">✓ </span>{E(d.Outcome)}</span>"
        : d.State == DeadlineState.Met ? $"<span class=\"badge met\"><span aria-hidden=\"true\">✓ </span>{E(d.Outcome)}</span>"
        : d.State == DeadlineState.Open ? "<span class=\"badge open\">Open</span>"
        : $"<span class=\"badge\">{E(d.Outcome)}</span>";

    /// <summary>A link to the deadline's ticket, or its subject's id when it is not a ticket's.</summary>
    public static string Subject(HttpContext http, DeadlineRecord d) =>
        d.SubjectId.StartsWith(DisputePages.SubjectPrefix, StringComparison.Ordinal)
            ? $"<a href=\"{WebPage.Base(http)}/disputes/{Uri.EscapeDataString(d.SubjectId[DisputePages.SubjectPrefix.Length..])}\">Dispute {E(d.SubjectId[DisputePages.SubjectPrefix.Length..])}</a>"
        : WebRuleGroups.IsTicketRule(d.RuleId) ? $"<a href=\"{WebPage.Base(http)}/tickets/{Uri.EscapeDataString(d.SubjectId)}\">Ticket {E(d.SubjectId)}</a>" : E(d.SubjectId);

    private static string List(HttpContext http, IEnumerable<DeadlineRecord> deadlines, DateOnly today) =>
        "<ul class=\"deadlines\">" + string.Concat(deadlines.Select(d =>
            $"<li class=\"deadline\" data-rule=\"{E(d.RuleId)}\" data-subject=\"{E(d.SubjectId)}\">{Subject(http, d)}: {E(WebRuleGroups.Of(d.RuleId))} <span class=\"rule\">({E(d.RuleId)})</span>, due {Date(d.DueOn)}, staff {E(d.StaffId ?? "none")} {Marker(d, today)}</li>")) + "</ul>";

    private static string CountTable(string title, string id, List<DeadlineRecord> due, List<DeadlineRecord> overdue, List<DeadlineRecord> metLate, Func<DeadlineRecord, string> key)
    {
        var keys = due.Concat(overdue).Concat(metLate).Select(key).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = string.Concat(keys.Select(k =>
            $"<tr><th scope=\"row\">{E(k)}</th><td>{due.Count(d => key(d) == k)}</td><td>{overdue.Count(d => key(d) == k)}</td><td>{metLate.Count(d => key(d) == k)}</td></tr>"));
        return $"""
            <section aria-labelledby="{id}"><h2 id="{id}">{E(title)}</h2>
            <div class="table-wrap"><table><thead><tr><th scope="col">{E(char.ToUpperInvariant(title[3]) + title[4..])}</th><th scope="col">Due this week</th><th scope="col">Overdue</th><th scope="col">Met late this week</th></tr></thead>
            <tbody>{(rows.Length == 0 ? "<tr><td colspan=\"4\">No deadlines.</td></tr>" : rows)}</tbody></table></div></section>
            """;
    }
}
