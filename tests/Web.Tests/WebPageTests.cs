using System.Text.Json;
using Microsoft.Playwright;
using TicketFlow.Testing.Hosts;
using static TicketFlow.Web.Tests.WebFixture;

namespace TicketFlow.Web.Tests;

/// <summary>The staff web page in a real browser against the real self-hosted host.</summary>
[Collection(WebCollection.Name)]
public sealed class WebPageTests(WebFixture web)
{
    [Fact]
    public async Task Staff_sign_in_with_the_credential_the_first_run_printed_and_a_wrong_one_is_refused_beside_the_field()
    {
        var page = await web.NewPageAsync();
        var response = await page.GotoAsync(web.Url("/"));
        Assert.Contains("/api/web/sign-in", page.Url, StringComparison.Ordinal);
        await CheckPageAsync(page, "sign-in");

        await page.GetByLabel("Staff credential").FillAsync("tfs_0123456789abcdef_" + new string('x', 43));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("not valid", await page.Locator("#e-credential").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("Staff credential").GetAttributeAsync("aria-invalid"));
        await CheckPageAsync(page, "sign-in-refused");

        page = await web.SignedInPageAsync();
        Assert.Equal("This week", await page.Locator("h1").InnerTextAsync());
        var session = (await web.Browser.CookiesAsync()).Single(c => c.Name == "tf_session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync(web.Url("/"));
        Assert.Contains("/api/web/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var page = await web.SignedInPageAsync();

        // The session cookie goes along (same browser) but the form's token does not: what a cross-site post looks like.
        var answer = await page.APIRequest.PostAsync(web.Url("tickets/T-NOPE/contact"), new() { Form = page.APIRequest.CreateFormData().Set("notes", "x") });
        Assert.Equal(400, answer.Status);
        Assert.Contains("was not accepted", await answer.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_week_shows_seeded_deadlines_by_day_by_rule_and_by_staff_with_an_overdue_marker_in_words()
    {
        var today = Today;
        await web.ApiAsync(HttpMethod.Post, "/api/v1/tickets", """{"ticketNumber":"T-W1","ticketholder":{"id":"th-w1","name":"Wren"},"staffId":"s1"}""");
        await web.ApiAsync(HttpMethod.Post, "/api/v1/tickets/T-W1/iwps", ApiScenario.SampleIwp(today.AddDays(-3)));
        await web.ApiAsync(HttpMethod.Post, "/api/v1/tickets", """{"ticketNumber":"T-W2","ticketholder":{"id":"th-w2","name":"Wes"},"staffId":"s1"}""");
        await web.ApiAsync(HttpMethod.Post, "/api/v1/tickets/T-W2/iwps", ApiScenario.SampleIwp(today.AddDays(-20)));
        var due = today.AddDays(11);

        var page = await web.SignedInPageAsync();
        var item = page.Locator("li.deadline[data-subject='T-W1'][data-rule='iwp-submission']");
        await ApiScenario.UntilAsync(async () =>
        {
            await page.GotoAsync(web.Url($"?week={Iso(due)}"));
            return await item.CountAsync() == 1;
        });
        Assert.Contains("IWP submission", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("staff s1", await item.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"#day-{Iso(due)} + ul li[data-subject='T-W1']").CountAsync());
        var byRule = page.Locator("section[aria-labelledby='h-by-rule'] tr", new() { HasText = "IWP submission" });
        Assert.True(int.Parse(await byRule.Locator("td").First.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(1, await page.Locator("section[aria-labelledby='h-by-staff'] tr", new() { HasText = "s1" }).CountAsync());

        // Due six days ago and not submitted: overdue, said in words (not only by colour).
        await page.GotoAsync(web.Url("/"));
        var overdue = page.Locator("section[aria-labelledby='h-overdue'] li[data-subject='T-W2']");
        Assert.Contains("Overdue", await overdue.InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotEqual("0", await page.Locator("#count-overdue").InnerTextAsync());
        await CheckPageAsync(page, "home");
    }

    [Fact]
    public async Task Logging_a_contact_on_the_form_moves_the_contact_deadline()
    {
        await web.AssignedTicketAsync("T-C1", Today.AddDays(-5));
        var page = await web.SignedInPageAsync();
        await page.GotoAsync(web.Url("tickets/T-C1"));
        var rows = page.Locator("tr[data-rule='ija-follow-up']");
        var before = await rows.Locator("td.due").AllInnerTextsAsync();
        Assert.NotEmpty(before);
        await CheckPageAsync(page, "ticket");

        await page.GetByRole(AriaRole.Link, new() { Name = "Log a contact" }).ClickAsync();
        await CheckPageAsync(page, "contact-form");
        await page.GetByLabel("Two-way contact").CheckAsync();
        await page.GetByLabel("Notes").FillAsync("Talked about the job search.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("The contact was recorded", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        // The workflow writes the next deadline within moments of accepting the contact.
        IReadOnlyList<string> after = before;
        await ApiScenario.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            after = await rows.Locator("td.due").AllInnerTextsAsync();
            return !after.SequenceEqual(before);
        });
        Assert.NotEqual(before, after);
        Assert.Contains("Talked about the job search.", await page.Locator("section[aria-labelledby='h-notes']").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_form_sent_with_a_future_date_shows_the_APIs_message_beside_the_date_field()
    {
        await web.AssignedTicketAsync("T-F1", Today.AddDays(-5));
        var page = await web.SignedInPageAsync();
        await page.GotoAsync(web.Url("tickets/T-F1/contact"));
        await page.GetByLabel("Date of the contact").FillAsync(Iso(Today.AddDays(30)));
        await page.GetByLabel("Notes").FillAsync("Planned call.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var error = page.Locator("#e-on");
        Assert.Contains("Must not be after today", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("Date of the contact").GetAttributeAsync("aria-invalid"));
        await CheckPageAsync(page, "contact-form-refused");
    }

    [Fact]
    public async Task An_IWP_with_a_blocking_finding_shows_the_finding_by_the_plan_field_and_cannot_be_submitted()
    {
        await web.ApiAsync(HttpMethod.Post, "/api/v1/tickets", """{"ticketNumber":"T-B1","ticketholder":{"id":"th-b1","name":"Bo"},"staffId":"s1"}""");
        var plan = ApiScenario.SampleIwp(Today.AddDays(-1)).Replace("\"businessModel\": \"Traditional EN\"", "\"businessModel\": \"\"", StringComparison.Ordinal);
        Assert.Contains("\"businessModel\": \"\"", plan, StringComparison.Ordinal);

        var page = await web.SignedInPageAsync();
        await page.GotoAsync(web.Url("tickets/T-B1/iwp"));
        await CheckPageAsync(page, "iwp-form");
        await page.GetByLabel("The signed plan").SetInputFilesAsync(new FilePayload { Name = "plan.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(plan) });
        await page.GetByLabel("The signed document").SetInputFilesAsync(new FilePayload { Name = "iwp.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 signed plan"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // The findings follow the plan's field, with the field they are about.
        var findings = page.Locator(".field:has(#f-iwp) + #iwp-findings");
        Assert.Contains("cannot be submitted", await findings.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("$.employmentNetwork.businessModel", await findings.Locator("li.blocking").InnerTextAsync(), StringComparison.Ordinal);
        await CheckPageAsync(page, "iwp-form-blocking");

        // The API refuses the submission, and the page says why.
        await page.GotoAsync(web.Url("tickets/T-B1/event"));
        await CheckPageAsync(page, "event-form");
        await ApiScenario.UntilAsync(async () =>
        {
            await page.GotoAsync(web.Url("tickets/T-B1/event"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            return (await page.Locator("#error-summary").CountAsync()) == 1
                && (await page.Locator("#error-summary").InnerTextAsync()).Contains("blocking", StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Earnings_below_the_trial_work_level_are_shown_with_the_finding()
    {
        await web.AssignedTicketAsync("T-E1", Today.AddDays(-5));
        var page = await web.SignedInPageAsync();
        await page.GotoAsync(web.Url("tickets/T-E1/earnings"));
        await CheckPageAsync(page, "earnings-form");
        await page.GetByLabel("Gross earnings in US dollars").FillAsync("250.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var row = page.Locator("#earnings tbody tr").First;
        Assert.Contains("$250.00", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Below the Trial Work Level", await row.Locator("td.finding").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_ENs_ticket_opened_by_its_URL_is_not_found()
    {
        await web.ApiAsync(HttpMethod.Post, "/api/v1/tickets", """{"ticketNumber":"T-X1","ticketholder":{"id":"th-x1","name":"Xan"}}""", web.Host.SecondEnKey);
        var page = await web.SignedInPageAsync();
        foreach (var path in new[] { "tickets/T-X1", "tickets/T-X1/contact" })
        {
            var response = await page.GotoAsync(web.Url(path));
            Assert.Equal(404, response!.Status);
            Assert.Equal("Not found", await page.Locator("h1").InnerTextAsync());
            Assert.DoesNotContain("Xan", await page.ContentAsync(), StringComparison.Ordinal);
        }

        await CheckPageAsync(page, "not-found");
    }

    [Fact]
    public async Task The_contact_form_can_be_completed_with_the_keyboard_alone()
    {
        await web.AssignedTicketAsync("T-K1", Today.AddDays(-5));
        var page = await web.SignedInPageAsync();
        await page.GotoAsync(web.Url("tickets/T-K1/contact"));
        var keyboard = page.Keyboard;

        // From the top of the page: the skip link first, then through the form in its visual order.
        await keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await TabToAsync(page, "f-twoWay");
        await keyboard.PressAsync("Space");
        await TabToAsync(page, "f-notes");
        await keyboard.TypeAsync("Left a message, then she called back.");
        await keyboard.PressAsync("Tab");
        Assert.Equal("Save", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("/tickets/T-K1?", StringComparison.Ordinal));
        Assert.Contains("The contact was recorded", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_month_calendar_lists_each_days_deadlines_and_the_compliance_chart_has_its_table()
    {
        await web.AssignedTicketAsync("T-M1", Today.AddDays(-5));
        await web.ApiAsync(HttpMethod.Post, "/api/v1/tickets/T-M1/contacts", $$"""{"on":"{{Iso(Today)}}","method":"Phone","staffId":"s1","twoWay":true,"notes":"Monthly call."}""");
        var page = await web.SignedInPageAsync();

        await web.ApiAsync(HttpMethod.Post, "/api/v1/tickets", """{"ticketNumber":"T-M2","ticketholder":{"id":"th-m2","name":"Mo"},"staffId":"s1"}""");
        await web.ApiAsync(HttpMethod.Post, "/api/v1/tickets/T-M2/iwps", ApiScenario.SampleIwp(Today.AddDays(-3)));
        var due = Today.AddDays(11);
        var cell = page.Locator($"#cal-{Iso(due)} li[data-subject='T-M2'][data-rule='iwp-submission']");
        await ApiScenario.UntilAsync(async () =>
        {
            await page.GotoAsync(web.Url($"calendar?month={due:yyyy-MM}"));
            return await cell.CountAsync() == 1;
        });
        Assert.Contains("IWP submission", await cell.InnerTextAsync(), StringComparison.Ordinal);
        await CheckPageAsync(page, "calendar");

        await page.GotoAsync(web.Url("compliance"));
        await CheckPageAsync(page, "compliance");
        Assert.Equal(1, await page.Locator("svg.chart[role='img']").CountAsync());
        Assert.Equal(12, await page.Locator("#compliance tbody tr").CountAsync());
    }

    [Fact]
    public async Task A_dispute_is_opened_with_its_agreement_and_the_recommendation_is_recorded_and_a_missing_field_is_named()
    {
        var page = await web.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open a dispute" }).ClickAsync();
        Assert.Equal("Open a dispute", await page.Locator("h1").InnerTextAsync());
        await CheckPageAsync(page, "dispute-form");
        await page.GetByLabel("Dispute id").FillAsync("D-1");
        await page.GetByLabel("State VR agency", new() { Exact = true }).FillAsync("State VR");
        await page.GetByLabel("Not covered by the agreement").CheckAsync();
        await page.GetByLabel("Issues").FillAsync("Milestone payment split");
        await page.GetByLabel("The EN's position").FillAsync("Ours");
        await page.GetByLabel("The State VR agency's position").FillAsync("Theirs");
        await page.GetByLabel("Request received on").FillAsync(Iso(Today.AddDays(-2)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the dispute" }).ClickAsync();

        // Without the agreement copy the API refuses, and the page says so.
        Assert.Equal(1, await page.Locator("#error-summary").CountAsync());
        await CheckPageAsync(page, "dispute-form-refused");
        await page.GetByLabel("Copy of the EN / State VR agreement").SetInputFilesAsync(new FilePayload { Name = "agreement.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 agreement"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the dispute" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/disputes/D-1?", StringComparison.Ordinal));
        await CheckPageAsync(page, "dispute");

        await ApiScenario.UntilAsync(async () =>
        {
            await page.GotoAsync(web.Url("disputes/D-1"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the recommendation" }).ClickAsync();
            return page.Url.Contains("done=", StringComparison.Ordinal);
        });
        Assert.Contains("recommendation was recorded", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IWP_amendment_is_recorded_from_the_ticket_page_and_listed_under_its_IWP_and_one_signed_before_the_IWP_is_refused_beside_the_plan()
    {
        await web.AssignedTicketAsync("T-A1", Today.AddDays(-10));
        var iwpId = (await web.ApiAsync(HttpMethod.Get, "/api/v1/tickets/T-A1/iwps"))[0].GetProperty("iwpId").GetString()!;
        var page = await web.SignedInPageAsync();
        await page.GotoAsync(web.Url("tickets/T-A1"));
        Assert.Contains("No amendments.", await page.Locator($"#iwp-{iwpId}").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Record an amendment to IWP {iwpId}" }).ClickAsync();
        Assert.Equal($"Amend IWP {iwpId}: ticket T-A1", await page.Locator("h1").InnerTextAsync());
        await CheckPageAsync(page, "amendment-form");

        // The form's order with the keyboard: the plan, the signed amendment, then Save.
        await page.Keyboard.PressAsync("Tab");
        await TabToAsync(page, "f-iwp");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("f-document", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Save", await page.EvaluateAsync<string>("document.activeElement.textContent"));

        // Signed by both parties before the IWP itself: the API refuses, and its words are beside the plan's field.
        await page.GetByLabel("The amended plan").SetInputFilesAsync(Plan(ApiScenario.SampleIwp(Today.AddDays(-20))));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("cannot be signed before the IWP it amends", await page.Locator("#e-iwp").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetByLabel("The amended plan").GetAttributeAsync("aria-invalid"));
        Assert.Equal(1, await page.Locator("#error-summary a[href='#f-iwp']").CountAsync());
        await CheckPageAsync(page, "amendment-form-refused");

        await page.GetByLabel("The amended plan").SetInputFilesAsync(Plan(ApiScenario.SampleIwp(Today.AddDays(-1))));
        await page.GetByLabel("The signed amendment").SetInputFilesAsync(new FilePayload { Name = "amendment.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7 signed amendment"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/tickets/T-A1?", StringComparison.Ordinal));
        Assert.Contains($"The amendment of IWP {iwpId} was recorded", await page.Locator(".notice").InnerTextAsync(), StringComparison.Ordinal);

        // The workflow writes the record within moments: then it is listed under its IWP, with its dates and document.
        var amendment = page.Locator($"#iwp-{iwpId} li.amendment");
        await ApiScenario.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await amendment.CountAsync() == 1;
        });
        Assert.Equal(2, await amendment.Locator($"time[datetime='{Iso(Today.AddDays(-1))}']").CountAsync());
        Assert.Equal(1, await amendment.GetByRole(AriaRole.Link, new() { Name = "Download the signed amendment" }).CountAsync());
        Assert.Contains("Amendments (1)", await page.Locator($"#iwp-{iwpId}").InnerTextAsync(), StringComparison.Ordinal);
        await CheckPageAsync(page, "ticket-with-amendment");

        static FilePayload Plan(string json) => new() { Name = "amended.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json) };
    }

    [Fact]
    public async Task A_dispute_whose_id_is_new_is_shown_at_its_own_address()
    {
        // The EN names its disputes and "new" is a valid id: its address must show it, not a form.
        using (var api = web.Host.Client(web.Host.FirstEnKey))
        {
            using var opened = await api.PostAsync("/api/v1/disputes", ApiScenario.DisputeForm("new", Iso(Today.AddDays(-2))));
            Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        }

        var page = await web.SignedInPageAsync();
        var response = await page.GotoAsync(web.Url("disputes/new"));
        Assert.Equal(200, response!.Status);
        Assert.Equal("Dispute new", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("AwaitingRecommendation", await page.Locator("#dispute-status").InnerTextAsync());
    }

    /// <summary>Presses Tab until the element with <paramref name="id"/> has focus (at most 20 times, in order).</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 20; i++)
        {
            if (await page.EvaluateAsync<string>("document.activeElement.id") == id)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached #{id}.");
    }
}
