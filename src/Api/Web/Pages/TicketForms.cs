using System.Globalization;
using System.Text;
using System.Text.Json;
using TicketFlow.Api.Web.SignIn;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Earnings;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using static TicketFlow.Api.Web.Html;

namespace TicketFlow.Api.Web.Pages;

/// <summary>
/// The daily forms on a ticket, and the amendment of one of its IWPs. Each posts to the page, which sends the same
/// request to the API endpoint (the JSON or multipart body a client would send) and either returns to the ticket with
/// what was recorded, or shows the form again with the API's errors beside the fields they name.
/// </summary>
internal static class TicketForms
{
    /// <summary>The forms by their path segment: title, fields, and how the typed values become the API request.</summary>
    private static readonly Dictionary<string, (string Title, Func<HttpContext, WebForm, string> Fields)> Forms = new(StringComparer.Ordinal)
    {
        ["contact"] = ("Log a contact", ContactFields),
        ["event"] = ("Record IWP submission or TPM receipt", EventFields),
        ["earnings"] = ("Record earnings", EarningsFields),
        ["iwp"] = ("Upload an IWP", IwpFields),
        [Amendment] = ("Record an IWP amendment", AmendmentFields),
    };

    /// <summary>The amendment form's key: it is at <c>tickets/{ticket}/iwps/{iwpId}/amend</c>, not among the ticket's forms.</summary>
    private const string Amendment = "amend";

    public static async Task<IResult> ShowAsync(HttpContext http, string ticketNumber, string form, ApiDispatcher api)
    {
        if (!Forms.ContainsKey(form) || form == Amendment)
        {
            return WebPage.NotFound(http, "There is no such form.");
        }

        await RememberTodayAsync(http);

        // The form is offered only for a ticket the API shows this user.
        var ticket = await api.SendAsync(http, "GET", $"tickets/{Uri.EscapeDataString(ticketNumber)}");
        return ticket.Status == StatusCodes.Status404NotFound
            ? WebPage.NotFound(http, $"There is no ticket {ticketNumber} in your EN.")
            : Page(http, ticketNumber, form, new WebForm(null, null), extra: null);
    }

    /// <summary>The amendment form for one of the ticket's IWPs (an original plan: amendments are attached to it, never to each other).</summary>
    public static async Task<IResult> ShowAmendmentAsync(HttpContext http, string ticketNumber, string iwpId, ApiDispatcher api)
    {
        var original = await OriginalAsync(http, ticketNumber, iwpId, api);
        return original.Problem ?? Page(http, ticketNumber, Amendment, new WebForm(null, null), extra: null, original: original.Record);
    }

    /// <summary>Records an amendment through the API's <c>POST .../iwps/{iwpId}/amendments</c>.</summary>
    public static async Task<IResult> SubmitAmendmentAsync(HttpContext http, string ticketNumber, string iwpId, ApiDispatcher api)
    {
        var original = await OriginalAsync(http, ticketNumber, iwpId, api);
        if (original.Problem is { } missing)
        {
            return missing;
        }

        var values = await http.Request.ReadFormAsync(http.RequestAborted);
        var t = Uri.EscapeDataString(ticketNumber);
        var answer = await api.SendAsync(http, "POST", $"tickets/{t}/iwps/{Uri.EscapeDataString(iwpId)}/amendments", await MultipartAsync(values));
        if (answer.Status == StatusCodes.Status404NotFound)
        {
            return WebPage.NotFound(http, answer.Message ?? $"Ticket {ticketNumber} has no IWP {iwpId}.");
        }

        if (!answer.Succeeded)
        {
            return Page(http, ticketNumber, Amendment, new WebForm(values, answer), Findings(http, answer), StatusCodes.Status400BadRequest, original.Record);
        }

        // As with a plan: an amendment with a blocking finding is recorded, and its findings are shown by the plan.
        if (answer.Body.TryGetProperty("blocking", out var blocking) && blocking.GetBoolean())
        {
            return Page(http, ticketNumber, Amendment, new WebForm(null, null), Findings(http, answer), original: original.Record);
        }

        var done = $"The amendment of IWP {iwpId} was recorded; it appears under the IWP within moments.";
        return Results.Redirect($"{WebPage.Base(http)}/tickets/{t}?done={Uri.EscapeDataString(done)}");
    }

    public static async Task<IResult> SubmitAsync(HttpContext http, string ticketNumber, string form, ApiDispatcher api)
    {
        if (!Forms.ContainsKey(form) || form == Amendment)
        {
            return WebPage.NotFound(http, "There is no such form.");
        }

        await RememberTodayAsync(http);
        var values = await http.Request.ReadFormAsync(http.RequestAborted);
        var t = Uri.EscapeDataString(ticketNumber);
        var (path, body) = form switch
        {
            "contact" => ($"tickets/{t}/contacts", Json(new Dictionary<string, object?>
            {
                ["on"] = values["on"].ToString(),
                ["method"] = values["method"].ToString(),
                ["staffId"] = values["staffId"].ToString(),
                ["twoWay"] = values["twoWay"].ToString() == "true",
                ["notes"] = values["notes"].ToString(),
            })),
            "event" => ($"tickets/{t}/events", Json(new Dictionary<string, object?> { ["type"] = values["type"].ToString(), ["on"] = values["on"].ToString() })),
            "earnings" => ($"tickets/{t}/earnings", Json(new Dictionary<string, object?>
            {
                ["month"] = values["month"].ToString(),
                ["grossAmount"] = decimal.TryParse(values["grossAmount"].ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var gross) ? gross : (object)values["grossAmount"].ToString(),
                ["source"] = values["source"].ToString(),
                ["staffId"] = values["staffId"].ToString(),
            })),
            _ => ($"tickets/{t}/iwps", await MultipartAsync(values)),
        };

        var answer = await api.SendAsync(http, "POST", path, body);
        if (answer.Status == StatusCodes.Status404NotFound)
        {
            return WebPage.NotFound(http, $"There is no ticket {ticketNumber} in your EN.");
        }

        if (!answer.Succeeded)
        {
            return Page(http, ticketNumber, form, new WebForm(values, answer), Findings(http, answer), StatusCodes.Status400BadRequest);
        }

        // An IWP with a blocking finding is recorded, but it cannot be submitted: the findings are shown by the plan.
        if (form == "iwp" && answer.Body.TryGetProperty("blocking", out var blocking) && blocking.GetBoolean())
        {
            return Page(http, ticketNumber, form, new WebForm(null, null), Findings(http, answer));
        }

        var done = form switch
        {
            "contact" => "The contact was recorded; its case note and the next deadline appear within moments.",
            "event" => $"{values["type"]} was recorded.",
            "earnings" => $"Earnings for {values["month"]} were recorded.",
            _ => "The IWP was recorded.",
        };
        return Results.Redirect($"{WebPage.Base(http)}/tickets/{t}?done={Uri.EscapeDataString(done)}");
    }

    /// <summary>The IWP an amendment is for, or the not-found page: the ticket or the IWP is not this EN's, or it is itself an amendment.</summary>
    private static async Task<(IwpRecord? Record, IResult? Problem)> OriginalAsync(HttpContext http, string ticketNumber, string iwpId, ApiDispatcher api)
    {
        var answer = await api.SendAsync(http, "GET", $"tickets/{Uri.EscapeDataString(ticketNumber)}/iwps/{Uri.EscapeDataString(iwpId)}");
        var record = answer.Succeeded ? WebJson.Read<IwpRecord>(http, answer.Body) : null;
        return record switch
        {
            null => (null, WebPage.NotFound(http, $"Ticket {ticketNumber} has no IWP {iwpId} in your EN.")),
            { AmendsIwpId: { } amended } => (null, WebPage.NotFound(http, $"{iwpId} is an amendment of IWP {amended}: amend the IWP itself.")),
            _ => (record, null),
        };
    }

    private static IResult Page(HttpContext http, string ticketNumber, string form, WebForm fields, string? extra, int status = StatusCodes.Status200OK, IwpRecord? original = null)
    {
        var (title, render) = Forms[form];
        var t = Uri.EscapeDataString(ticketNumber);
        var plan = form is "iwp" or Amendment;
        var multipart = plan ? " enctype=\"multipart/form-data\"" : string.Empty;
        var inner = render(http, fields);
        var action = original is null ? $"{WebPage.Base(http)}/tickets/{t}/{form}" : $"{WebPage.Base(http)}/tickets/{t}/iwps/{Uri.EscapeDataString(original.IwpId)}/amend";
        var about = original is null ? string.Empty
            : $"<p id=\"amended-iwp\">IWP {E(original.IwpId)} was signed by the EN on {Date(original.EnSignedOn)} and by the ticketholder on {Date(original.TicketholderSignedOn)}. Send the plan as amended, signed and dated by both parties (not before the IWP was signed), and the signed amendment; it is attached to the IWP.</p>";
        if (original is not null)
        {
            title = $"Amend IWP {original.IwpId}";
        }

        // The plan's findings go right after the plan's field, which they are about.
        var end = inner.IndexOf("</div>", StringComparison.Ordinal);
        if (plan && extra is not null && end >= 0)
        {
            inner = inner.Insert(end + "</div>".Length, extra);
            extra = null;
        }

        var main = $"""
            <p><a href="{WebPage.Base(http)}/tickets/{t}">Back to ticket {E(ticketNumber)}</a></p>
            {about}
            {fields.Summary()}
            {extra}
            <form method="post" action="{action}"{multipart} novalidate>
            {WebPage.Antiforgery(http)}
            {inner}
            <button type="submit">Save</button>
            </form>
            """;
        return WebPage.Render(http, $"{title}: ticket {ticketNumber}", main, status);
    }

    /// <summary>Today in the EN's time zone (the API refuses a later date), as the form's request found it.</summary>
    private static string Today(HttpContext http) =>
        ((DateOnly)http.Items[nameof(Today)]!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task RememberTodayAsync(HttpContext http) =>
        http.Items[nameof(Today)] = await HomePage.TodayAsync(http, http.RequestServices.GetRequiredService<IEmploymentNetworkRepository>(), http.RequestServices.GetRequiredService<TimeProvider>());

    private static string Staff(HttpContext http) => http.User.FindFirst(StaffClaims.StaffId)?.Value ?? string.Empty;

    private static string ContactFields(HttpContext http, WebForm f) =>
        f.Input("on", "Date of the contact", "date", Today(http)) +
        f.Select("method", "How", Enum.GetValues<ContactMethod>().Select(m => (m.ToString(), Words(m.ToString()))), nameof(ContactMethod.Phone)) +
        f.Checkbox("twoWay", "Two-way contact (the ticketholder answered)", "Leave unticked for an attempt that reached nobody.") +
        f.Input("staffId", "Staff member", value: Staff(http)) +
        f.TextArea("notes", "Notes", "What was said or tried: this becomes the case note.");

    private static string EventFields(HttpContext http, WebForm f) =>
        f.Select("type", "What happened", [("IwpSubmitted", "IWP submitted to the Ticket Program Manager"), ("TpmReceiptRecorded", "TPM receipt recorded")]) +
        f.Input("on", "Date", "date", Today(http));

    private static string EarningsFields(HttpContext http, WebForm f) =>
        f.Input("month", "Month", "month", Today(http)[..7], "yyyy-MM") +
        f.Input("grossAmount", "Gross earnings in US dollars", "text", hint: "For example 850.00", extra: "inputmode=\"decimal\"") +
        f.Select("source", "Evidence", Enum.GetValues<MonthlyEarningsSource>().Select(s => (s.ToString(), Words(s.ToString())))) +
        f.Input("staffId", "Staff member", value: Staff(http));

    /// <summary>The API fields inside an uploaded plan: their errors are shown beside the plan's file.</summary>
    private static readonly string[] PlanFields = ["signatures", "$"];

    private static string IwpFields(HttpContext http, WebForm f) =>
        f.Input("iwp", "The signed plan (JSON, as schemas/iwp.schema.json describes)", "file", extra: "accept=\"application/json,.json\"", about: PlanFields) +
        f.Input("document", "The signed document (PDF, PNG, JPEG or TIFF)", "file", required: false, extra: "accept=\"application/pdf,image/png,image/jpeg,image/tiff\"");

    /// <summary>What the API's amendment takes: the plan as amended (with both parties' signature dates) and the signed amendment.</summary>
    private static string AmendmentFields(HttpContext http, WebForm f) =>
        f.Input("iwp", "The amended plan (JSON, as schemas/iwp.schema.json describes)", "file",
            hint: "The whole plan as amended, with the dates both parties signed the amendment.", extra: "accept=\"application/json,.json\"", about: PlanFields) +
        f.Input("document", "The signed amendment (PDF, PNG, JPEG or TIFF)", "file", required: false, extra: "accept=\"application/pdf,image/png,image/jpeg,image/tiff\"");

    /// <summary>The IWP's findings from the API's answer (accepted or refused), beside the plan field.</summary>
    private static string? Findings(HttpContext http, ApiAnswer answer)
    {
        var json = answer.Field("findings");
        if (json.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var findings = WebJson.Read<List<IwpFinding>>(http, json);
        var blocking = findings.Any(x => x.Severity == FindingSeverity.Blocking);
        return $"<section class=\"{(blocking ? "error-summary" : "notice")}\" id=\"iwp-findings\" aria-labelledby=\"h-findings\" tabindex=\"-1\"><h2 id=\"h-findings\">{(blocking ? "The plan has a blocking finding: it cannot be submitted until it is fixed" : "The plan's findings")}</h2>{TicketPage.Findings(findings)}</section>";
    }

    private static (byte[], string) Json(Dictionary<string, object?> fields) => (JsonSerializer.SerializeToUtf8Bytes(fields), "application/json");

    /// <summary>The API's multipart shape: the plan in the <c>iwp</c> part and the signed document in <c>document</c>.</summary>
    private static async Task<(byte[], string)> MultipartAsync(IFormCollection values)
    {
        using var content = new MultipartFormDataContent();
        if (values.Files.GetFile("iwp") is { Length: > 0 } plan)
        {
            using var reader = new StreamReader(plan.OpenReadStream());
            content.Add(new StringContent(await reader.ReadToEndAsync()), "iwp");
        }

        if (values.Files.GetFile("document") is { Length: > 0 } document)
        {
            var part = new StreamContent(document.OpenReadStream());
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(document.ContentType);
            content.Add(part, "document", document.FileName);
        }

        return (await content.ReadAsByteArrayAsync(), content.Headers.ContentType!.ToString());
    }

    /// <summary>An enum value in words: TextMessage → Text message.</summary>
    private static string Words(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            words.Append(char.IsUpper(c) && words.Length > 0 ? " " + char.ToLowerInvariant(c) : c.ToString());
        }

        return words.ToString();
    }
}
