using System.Globalization;
using System.Text;
using System.Text.Json;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.EmploymentNetworks;
using static TicketFlow.Api.Web.Html;

namespace TicketFlow.Api.Web.Pages;

/// <summary>Disputes with a State VR agency: open one (with the agreement copy), see it with its deadlines, record the PM's recommendation.</summary>
internal static class DisputePages
{
    /// <summary>How a dispute's deadlines name their subject.</summary>
    public static readonly string SubjectPrefix = DisputeOrchestrator.SubjectIdFor(string.Empty);

    public static IResult NewForm(HttpContext http) => OpenPage(http, new WebForm(null, null));

    public static async Task<IResult> OpenAsync(HttpContext http, ApiDispatcher api)
    {
        var values = await http.Request.ReadFormAsync(http.RequestAborted);
        var request = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["disputeId"] = values["disputeId"].ToString(),
            ["stateVrAgency"] = values["stateVrAgency"].ToString(),
            ["requestedBy"] = values["requestedBy"].ToString(),
            ["notCoveredByAgreementOrStateProcedures"] = values["notCoveredByAgreementOrStateProcedures"].ToString() == "true",
            ["issues"] = values["issues"].ToString(),
            ["enPosition"] = values["enPosition"].ToString(),
            ["stateVrAgencyPosition"] = values["stateVrAgencyPosition"].ToString(),
            ["requestReceivedOn"] = values["requestReceivedOn"].ToString(),
        });
        using var content = new MultipartFormDataContent { { new StringContent(request), "request" } };
        if (values.Files.GetFile("agreement") is { Length: > 0 } agreement)
        {
            var part = new StreamContent(agreement.OpenReadStream());
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(agreement.ContentType);
            content.Add(part, "agreement", agreement.FileName);
        }

        var answer = await api.SendAsync(http, "POST", "disputes", (await content.ReadAsByteArrayAsync(http.RequestAborted), content.Headers.ContentType!.ToString()));
        return answer.Succeeded
            ? Results.Redirect($"{WebPage.Base(http)}/disputes/{Uri.EscapeDataString(values["disputeId"].ToString())}?done={Uri.EscapeDataString("The dispute was opened.")}")
            : OpenPage(http, new WebForm(values, answer), StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> ShowAsync(HttpContext http, string disputeId, ApiDispatcher api, IEmploymentNetworkRepository networks, TimeProvider time, string? done, WebForm? recommendation = null, int status = StatusCodes.Status200OK)
    {
        var answer = await api.SendAsync(http, "GET", $"disputes/{Uri.EscapeDataString(disputeId)}");
        if (!answer.Succeeded)
        {
            return WebPage.NotFound(http, $"There is no dispute {disputeId} in your EN.");
        }

        var today = await HomePage.TodayAsync(http, networks, time);
        var dispute = WebJson.Read<Dispute>(http, answer.Body.GetProperty("dispute"));
        var deadlines = WebJson.Read<List<DeadlineRecord>>(http, answer.Body.GetProperty("deadlines"));
        var html = new StringBuilder();
        if (done is { Length: > 0 })
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" role=\"status\">{E(done)}</p>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <dl class="facts">
            <dt>Status</dt><dd id="dispute-status">{E(dispute.Status.ToString())}</dd>
            <dt>State VR agency</dt><dd>{E(dispute.StateVrAgency)}</dd>
            <dt>Requested by</dt><dd>{E(dispute.RequestedBy.ToString())}</dd>
            <dt>Request received</dt><dd>{Date(dispute.RequestReceivedOn)}</dd>
            <dt>Recommendation received</dt><dd>{(dispute.RecommendationReceivedOn is { } r ? Date(r) : "not yet")}</dd>
            <dt>Issues</dt><dd>{E(dispute.Issues)}</dd>
            </dl>
            <h2>Deadlines</h2>
            <div class="table-wrap"><table><thead><tr><th scope="col">Rule</th><th scope="col">Due</th><th scope="col">State</th></tr></thead><tbody>
            """);
        foreach (var d in deadlines.OrderBy(d => d.DueOn))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-rule=\"{E(d.RuleId)}\"><th scope=\"row\">{E(d.RuleId)}</th><td>{Date(d.DueOn)}</td><td>{HomePage.Marker(d, today)}</td></tr>");
        }

        var form = recommendation ?? new WebForm(null, null);
        var fields = form.Input("on", "Date the recommendation was received", "date", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        html.Append(CultureInfo.InvariantCulture, $"""
            </tbody></table></div>
            <section aria-labelledby="h-recommendation"><h2 id="h-recommendation">Record the PM's recommendation</h2>
            {form.Summary()}
            <form method="post" action="{WebPage.Base(http)}/disputes/{Uri.EscapeDataString(disputeId)}/recommendation" novalidate>
            {WebPage.Antiforgery(http)}
            {fields}
            <button type="submit">Record the recommendation</button>
            </form></section>
            """);
        return WebPage.Render(http, $"Dispute {disputeId}", html.ToString(), status);
    }

    public static async Task<IResult> RecommendationAsync(HttpContext http, string disputeId, ApiDispatcher api, IEmploymentNetworkRepository networks, TimeProvider time)
    {
        var values = await http.Request.ReadFormAsync(http.RequestAborted);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["type"] = "RecommendationReceived", ["on"] = values["on"].ToString() });
        var answer = await api.SendAsync(http, "POST", $"disputes/{Uri.EscapeDataString(disputeId)}/events", (body, "application/json"));
        return answer.Succeeded
            ? Results.Redirect($"{WebPage.Base(http)}/disputes/{Uri.EscapeDataString(disputeId)}?done={Uri.EscapeDataString("The recommendation was recorded.")}")
            : await ShowAsync(http, disputeId, api, networks, time, null, new WebForm(values, answer), StatusCodes.Status400BadRequest);
    }

    private static IResult OpenPage(HttpContext http, WebForm f, int status = StatusCodes.Status200OK)
    {
        var fields =
            f.Input("disputeId", "Dispute id", hint: "Your own reference, letters, digits, dot, dash or underscore.") +
            f.Input("stateVrAgency", "State VR agency") +
            f.Select("requestedBy", "Requested by", [("EmploymentNetwork", "Our EN"), ("StateVrAgency", "The State VR agency")]) +
            f.Checkbox("notCoveredByAgreementOrStateProcedures", "Not covered by the agreement or the State's procedures") +
            f.TextArea("issues", "Issues") +
            f.TextArea("enPosition", "The EN's position") +
            f.TextArea("stateVrAgencyPosition", "The State VR agency's position") +
            f.Input("requestReceivedOn", "Request received on", "date") +
            f.Input("agreement", "Copy of the EN / State VR agreement (PDF)", "file", extra: "accept=\"application/pdf\"");
        var main = $"""
            {f.Summary()}
            <form method="post" action="{WebPage.Base(http)}/disputes" enctype="multipart/form-data" novalidate>
            {WebPage.Antiforgery(http)}
            {fields}
            <button type="submit">Open the dispute</button>
            </form>
            """;
        return WebPage.Render(http, "Open a dispute", main, status);
    }
}
