using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.EmploymentNetworks;

namespace TicketFlow.Api.Deadlines;

/// <summary>"What is due for us": the caller's EN's deadlines in a date range, filterable by rule, staff member and state.</summary>
internal static class DeadlineEndpoints
{
    private const int MaxRangeDays = 3 * 366;

    public static RouteGroupBuilder MapDeadlineEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/deadlines", QueryAsync).WithTags("Deadlines")
            .WithSummary("Deadlines due in a date range (default: the last 30 days and the next 60), by due date.");
        return api;
    }

    private static async Task<IResult> QueryAsync(
        DateOnly? from, DateOnly? to, string? rule, string? staff, DeadlineState? state, HttpContext http,
        IEmploymentNetworkRepository networks, IDeadlineRepository deadlines, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var en = await networks.FindAsync(caller.EnPid, ct);
        var today = new EnTimeZone(en?.TimeZone ?? EnTimeZone.DefaultId).Today(time);
        var check = new ApiValidation().Date("from", from).Date("to", to);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var first = from ?? today.AddDays(-30);
        var last = to ?? today.AddDays(60);
        if (last < first)
        {
            check.Add("to", "Must not be before 'from'.");
        }
        else if (last.DayNumber - first.DayNumber > MaxRangeDays)
        {
            check.Add("to", $"The range is at most {MaxRangeDays} days.");
        }

        if (rule is not null)
        {
            check.Id("rule", rule);
        }

        if (staff is not null)
        {
            check.Id("staff", staff);
        }

        return check.IsValid
            ? TypedResults.Ok(await deadlines.QueryAsync(new DeadlineQuery(caller.EnPid, first, last, rule, staff, state), ct))
            : check.Problem();
    }
}
