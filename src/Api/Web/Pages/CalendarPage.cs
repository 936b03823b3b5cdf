using System.Globalization;
using System.Text;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.EmploymentNetworks;
using static TicketFlow.Api.Web.Html;

namespace TicketFlow.Api.Web.Pages;

/// <summary>A month of the EN's deadlines as a calendar table (weeks by rows, Monday first), each day listing what is due.</summary>
internal static class CalendarPage
{
    public static async Task<IResult> RenderAsync(HttpContext http, ApiDispatcher api, IEmploymentNetworkRepository networks, TimeProvider time, string? month)
    {
        var today = await HomePage.TodayAsync(http, networks, time);
        var first = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : new DateOnly(today.Year, today.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var answer = await api.SendAsync(http, "GET", $"deadlines?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}");
        if (!answer.Succeeded)
        {
            return WebPage.Render(http, "Calendar", $"<p role=\"alert\">{E(answer.Message ?? "The deadlines cannot be read.")}</p>", answer.Status);
        }

        var deadlines = WebJson.Read<List<DeadlineRecord>>(http, answer.Body).Where(d => d.State != DeadlineState.Cancelled).ToList();
        var b = WebPage.Base(http);
        var name = first.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <nav aria-label="Months" class="pager"><a href="{b}/calendar?month={first.AddMonths(-1):yyyy-MM}">Previous month</a> <a href="{b}/calendar">This month</a> <a href="{b}/calendar?month={first.AddMonths(1):yyyy-MM}">Next month</a></nav>
            <p>{deadlines.Count} deadlines due in {E(name)}, {deadlines.Count(d => HomePage.IsOverdue(d, today))} of them overdue.</p>
            <div class="table-wrap"><table class="calendar"><caption>Deadlines due in {E(name)}</caption><thead><tr>
            """);
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" })
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"><abbr title=\"{day}\">{day[..3]}</abbr></th>");
        }

        html.Append("</tr></thead><tbody>");
        var start = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        for (var week = start; week <= last; week = week.AddDays(7))
        {
            html.Append("<tr>");
            for (var day = week; day < week.AddDays(7); day = day.AddDays(1))
            {
                if (day.Month != first.Month)
                {
                    html.Append("<td class=\"other\"></td>");
                    continue;
                }

                var due = deadlines.Where(d => d.DueOn == day).ToList();
                html.Append(CultureInfo.InvariantCulture, $"<td id=\"cal-{day:yyyy-MM-dd}\"><span class=\"day\">{day.Day}{(day == today ? " (today)" : "")}</span>");
                if (due.Count > 0)
                {
                    html.Append("<ul class=\"deadlines\">");
                    foreach (var d in due)
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<li data-subject=\"{E(d.SubjectId)}\" data-rule=\"{E(d.RuleId)}\">{HomePage.Subject(http, d)}: {E(WebRuleGroups.Of(d.RuleId))} {(HomePage.IsOverdue(d, today) ? HomePage.Marker(d, today) : "")}</li>");
                    }

                    html.Append("</ul>");
                }

                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
        return WebPage.Render(http, $"Calendar: {name}", html.ToString());
    }
}
