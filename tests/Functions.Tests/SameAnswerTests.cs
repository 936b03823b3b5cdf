using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Api.Security;
using TicketFlow.Functions.Admin;
using TicketFlow.Functions.Deadlines;
using TicketFlow.Functions.Disputes;
using TicketFlow.Functions.Earnings;
using TicketFlow.Functions.Health;
using TicketFlow.Functions.Iwps;
using TicketFlow.Functions.Management;
using TicketFlow.Functions.Reviews;
using TicketFlow.Functions.Tests.Hosts;
using TicketFlow.Functions.Tickets;
using TicketFlow.Functions.Web;
using TicketFlow.Functions.Webhooks;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Functions.Tests;

/// <summary>
/// The Functions entry points, called in process on the real src/Api code against the same storage and the embedded
/// engine's client as the self-hosted server, answer a request as the server does: same status, same media type, same
/// body shape (the property names and value kinds, recursively). One test per endpoint family.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SameAnswerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string BaseUrl = "http://ticketflow.test";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly ApiKey admin = ApiKey.Create();
    private ApiHost server = null!;
    private FunctionsAppHost functions = null!;
    private DurableTaskClient client = null!;

    public async Task InitializeAsync()
    {
        var prefix = AzuriteFixture.UniqueName("same");
        var container = AzuriteFixture.UniqueName("docs");
        var outbox = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("outbox"));
        server = await ApiHost.StartAsync(azurite,
            $"--Storage:Records:TablePrefix={prefix}", $"--Storage:DocumentsContainerName={container}",
            $"--Api:Security:AdministratorKeyHash={admin.Hash()}", $"--Api:PublicBaseUrl={BaseUrl}");
        var settings = FunctionsAppHost.StorageSettings(azurite.ConnectionString, prefix, container, outbox);
        settings["Api:Security:AdministratorKeyHash"] = admin.Hash();
        settings["Api:PublicBaseUrl"] = BaseUrl;
        functions = FunctionsAppHost.Build(settings);

        // The embedded engine's client: what Durable Functions' binding is to the Functions app.
        client = server.App.Services.GetRequiredService<DurableTaskClient>();
    }

    public async Task DisposeAsync()
    {
        functions.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Health()
    {
        await SameAsync((r, _) => HealthFunctions.GetLiveness(r), "GET", "/api/health/live", key: null, expected: 200);
        await SameAsync(HealthFunctions.GetReadiness, "GET", "/api/health/ready", key: null, expected: 200);
    }

    [Fact]
    public async Task Tickets()
    {
        await SameAsync(TicketFunctions.RegisterTicket, "POST", "/api/v1/tickets", () => Ticket("T-S1"), () => Ticket("T-F1"), expected: 202);
        await SameAsync(TicketFunctions.RegisterTicket, "POST", "/api/v1/tickets", () => Ticket("T-S1"), () => Ticket("T-S1"), expected: 409);
        await SameAsync(TicketFunctions.GetTicket, "GET", "/api/v1/tickets/T-S1", expected: 200);
        await SameAsync(TicketFunctions.GetTicket, "GET", "/api/v1/tickets/NO-SUCH", expected: 404);
        await SameAsync(TicketFunctions.RecordTicketEvent, "POST", "/api/v1/tickets/T-S1/events", () => Json("""{"type":"NoSuchEvent"}"""), expected: 400);
    }

    [Fact]
    public async Task Iwps()
    {
        await RegisterAsync("T-S2", "T-F2");
        await SameAsync(IwpFunctions.SubmitIwp, "POST", ("/api/v1/tickets/T-S2/iwps", "/api/v1/tickets/T-F2/iwps"),
            () => Json(ApiScenario.SampleIwp(Today)), expected: 202);

        // The 202 promised the IWP, which the ticket's workflow writes moments later: both list it once it is there.
        using var reader = server.Client(server.FirstEnKey);
        await ApiScenario.UntilAsync(async () => (await reader.GetFromJsonAsync<JsonElement>("/api/v1/tickets/T-S2/iwps")).GetArrayLength() > 0);
        await SameAsync(IwpFunctions.ListIwps, "GET", "/api/v1/tickets/T-S2/iwps", expected: 200);
    }

    [Fact]
    public async Task Disputes()
    {
        var on = Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SameAsync(DisputeFunctions.OpenDispute, "POST", "/api/v1/disputes",
            () => ApiScenario.DisputeForm("D-S1", on), () => ApiScenario.DisputeForm("D-F1", on), expected: 202);
        await SameAsync(DisputeFunctions.OpenDispute, "POST", "/api/v1/disputes",
            () => ApiScenario.DisputeForm("D-S2", on, withAgreement: false), () => ApiScenario.DisputeForm("D-F2", on, withAgreement: false), expected: 400);
        await SameAsync(DisputeFunctions.GetDispute, "GET", "/api/v1/disputes/D-NONE", expected: 404);
    }

    [Fact]
    public async Task Reviews()
    {
        await SameAsync(ReviewFunctions.OpenServicesAndSupportsReview, "POST", "/api/v1/reviews", () => Json("{}"), expected: 400);
        await SameAsync(ReviewFunctions.GetServicesAndSupportsReview, "GET", "/api/v1/reviews/R-NONE", expected: 404);
    }

    [Fact]
    public async Task Deadlines()
    {
        await RegisterAsync("T-S3", "T-F3");
        await SameAsync((r, _) => DeadlineFunctions.QueryDeadlines(r), "GET", "/api/v1/deadlines", expected: 200);
        await SameAsync((r, _) => DeadlineFunctions.QueryDeadlines(r), "GET", "/api/v1/deadlines?from=not-a-date", expected: 400);
    }

    [Fact]
    public async Task Earnings()
    {
        await RegisterAsync("T-S4", "T-F4");
        await SameAsync(EarningsFunctions.ListEarnings, "GET", "/api/v1/tickets/T-S4/earnings", expected: 200);
        await SameAsync(EarningsFunctions.GetEarnings, "GET", "/api/v1/tickets/T-S4/earnings/2026-01", expected: 404);
    }

    [Fact]
    public async Task Management()
    {
        await RegisterAsync("T-S5", "T-F5");
        await SameAsync(ManagementFunctions.GetInstanceStatus, "GET", "/api/v1/instances/ticket:P00001:T-S5", expected: 202);
        await SameAsync(ManagementFunctions.ListInstances, "GET", "/api/v1/instances?kind=nonsense", expected: 400);
        await SameAsync(ManagementFunctions.GetInstanceStatus, "GET", "/api/v1/instances/ticket:P00002:T-S5", expected: 404);
    }

    [Fact]
    public async Task Admin()
    {
        await SameAsync((r, _) => AdminFunctions.CreateApiKey(r), "POST", "/api/v1/admin/employment-networks/P00001/keys",
            () => Json("""{"name":"case-system"}"""), key: admin.Value, expected: 201);
        await SameAsync((r, _) => AdminFunctions.CreateApiKey(r), "POST", "/api/v1/admin/employment-networks/P00001/keys",
            () => Json("""{"name":"sneaky"}"""), expected: 403);
    }

    [Fact]
    public async Task Webhook()
    {
        // The server maps the webhook outside the route prefix; a Functions app has one prefix for every function.
        var events = () => Json("""[{"email":"a@b.example","event":"delivered","sg_event_id":"e1","timestamp":1700000000}]""");
        await SameAsync((r, _) => SendGridWebhookFunctions.ReceiveSendGridEvents(r), "POST",
            ("/webhooks/sendgrid/events", "/api/webhooks/sendgrid/events"), events, key: null, expected: null);
    }

    private Task RegisterAsync(string onServer, string onFunctions) =>
        SameAsync(TicketFunctions.RegisterTicket, "POST", "/api/v1/tickets", () => Ticket(onServer), () => Ticket(onFunctions), expected: 202);

    private static StringContent Ticket(string number) =>
        Json($$$"""{"ticketNumber":"{{{number}}}","ticketholder":{"id":"th-{{{number}}}","name":"Jordan"}}""");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private Task SameAsync(Func<HttpRequest, DurableTaskClient, Task> function, string method, string path, Func<HttpContent>? content = null,
        string? key = "", int? expected = null) =>
        SameAsync(function, method, (path, path), content, content, key, expected);

    private Task SameAsync(Func<HttpRequest, DurableTaskClient, Task> function, string method, string path,
        Func<HttpContent> serverContent, Func<HttpContent> functionContent, int? expected) =>
        SameAsync(function, method, (path, path), serverContent, functionContent, "", expected);

    private Task SameAsync(Func<HttpRequest, DurableTaskClient, Task> function, string method, (string Server, string Functions) path,
        Func<HttpContent> content, string? key = "", int? expected = null) =>
        SameAsync(function, method, path, content, content, key, expected);

    /// <summary>Sends the request to the server and to the function; "" as key means the first EN's key.</summary>
    [Fact]
    public async Task Web()
    {
        // The staff page through its functions as through the server: the sign-in form, and a visitor without a
        // session sent to it (not shown the week). Accept is a browser's, as the page is asked for by one.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var browser = new Dictionary<string, string> { ["Accept"] = "text/html" };
        foreach (var (function, path) in new (Func<HttpRequest, DurableTaskClient, Task> Function, string Path)[]
                 {
                     ((r, _) => WebFunctions.GetSignIn(r), "/api/web/sign-in"),
                     (WebFunctions.GetThisWeek, "/api/web"),
                     (WebFunctions.GetTicketPage, "/api/web/tickets/T-W1"),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd("text/html");
            using var fromServer = await http.SendAsync(request);
            var fromFunction = await functions.InvokeAsync(function, client, "GET", path, headers: browser);
            Assert.Equal((int)fromServer.StatusCode, fromFunction.StatusCode);
            Assert.Equal(fromServer.Content.Headers.ContentType?.MediaType, fromFunction.ContentType?.Split(';')[0]);
            // The same place on each host (the host name is each one's own).
            Assert.Equal(fromServer.Headers.Location?.PathAndQuery, fromFunction.Headers.TryGetValue("Location", out var at) ? new Uri(at).PathAndQuery : null);
            if (path.EndsWith("sign-in", StringComparison.Ordinal))
            {
                Assert.Equal(200, fromFunction.StatusCode);
                Assert.Contains("<form", fromFunction.Text, StringComparison.Ordinal);
            }
            else
            {
                Assert.InRange(fromFunction.StatusCode, 301, 303);
            }
        }
    }

    [Fact]
    public async Task Web_session()
    {
        // A staff member signs in through the sign-in function (the form, then its post with the antiforgery token and
        // a staff credential made as the operator endpoint makes one), carries the cookies, and reads the week and a
        // ticket and logs a contact through the functions; a second browser does the same through the server. Each
        // step answers alike: status, where it sends the browser, and the page's main content (tokens taken out).
        var (_, credential) = await Api.Web.SignIn.StaffCredentials.CreateAsync("P00001", "s1",
            server.App.Services.GetRequiredService<Infrastructure.Storage.Records.IApiKeyStore>(), TimeProvider.System, CancellationToken.None);
        using (var api = server.Client(server.FirstEnKey))
        {
            await ApiScenario.AssignAsync(api, "T-WEB", Today.AddDays(-5));
        }

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        var onServer = new PageSession(async (_, method, path, content, cookies) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
            request.Headers.Accept.ParseAdd("text/html");
            if (cookies.Length > 0)
            {
                request.Headers.Add("Cookie", cookies);
            }

            using var response = await http.SendAsync(request);
            return new PageAnswer((int)response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync(),
                response.Headers.TryGetValues("Set-Cookie", out var set) ? [.. set] : []);
        });
        var onFunctions = new PageSession(async (function, method, path, content, cookies) =>
        {
            var headers = new Dictionary<string, string> { ["Accept"] = "text/html" };
            if (cookies.Length > 0)
            {
                headers["Cookie"] = cookies;
            }

            var response = await functions.InvokeAsync(function, client, method, path, content, headers: headers);
            return new PageAnswer(response.StatusCode, response.Headers.TryGetValue("Location", out var at) ? at : null, response.Text, response.SetCookies);
        });
        var sessions = new[] { onServer, onFunctions };

        // Sign in: the form, then its post; the session cookie is the same kind on both hosts.
        foreach (var session in sessions)
        {
            var form = await session.SendAsync((r, _) => WebFunctions.GetSignIn(r), "GET", "/api/web/sign-in");
            Assert.Equal(200, form.Status);
            var signedIn = await session.SendAsync((r, _) => WebFunctions.SignIn(r), "POST", "/api/web/sign-in",
                Form(("credential", credential), ("returnUrl", ""), (WebToken, Token(form.Html))));
            Assert.True(signedIn.Status == 302, $"{signedIn.Status} {signedIn.Html}");
            Assert.Equal("/api/web/", signedIn.Location);
            var cookie = Assert.Single(signedIn.SetCookies, c => c.StartsWith("tf_session=", StringComparison.Ordinal));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/api/web", cookie, StringComparison.OrdinalIgnoreCase);
        }

        // The week and the ticket, read once the workflow has settled (the server's page read twice alike).
        await SamePageAsync(sessions, WebFunctions.GetThisWeek, "/api/web/", "This week");
        var ticket = await SamePageAsync(sessions, WebFunctions.GetTicketPage, "/api/web/tickets/T-WEB", "Ticket T-WEB");
        Assert.Contains("InitialJobAcquisition", ticket, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"ija-follow-up\"", ticket, StringComparison.Ordinal);
        await SamePageAsync(sessions, WebFunctions.GetNewDisputeForm, "/api/web/disputes", "Open a dispute");
        using (var api = server.Client(server.FirstEnKey))
        {
            var iwpId = JsonNode.Parse(await api.GetStringAsync("/api/v1/tickets/T-WEB/iwps"))![0]!["iwpId"]!.GetValue<string>();
            await SamePageAsync(sessions, WebFunctions.GetIwpAmendmentForm, $"/api/web/tickets/T-WEB/iwps/{iwpId}/amend", $"Amend IWP {iwpId}: ticket T-WEB");
        }

        // Log a contact through each host's form (its token is the signed-in user's, from the form's page).
        var enToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTimeOffset.UtcNow, "America/New_York").DateTime);
        var locations = new List<string?>();
        foreach (var (session, name) in sessions.Zip(["server", "functions"]))
        {
            var page = await session.SendAsync(WebFunctions.GetTicketForm, "GET", "/api/web/tickets/T-WEB/contact");
            Assert.Equal(200, page.Status);
            var posted = await session.SendAsync(WebFunctions.PostTicketForm, "POST", "/api/web/tickets/T-WEB/contact", Form(
                ("on", enToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("method", "Phone"), ("twoWay", "true"), ("staffId", "s1"),
                ("notes", $"Called through the {name}."), (WebToken, Token(page.Html))));
            Assert.True(posted.Status == 302, $"{name}: {posted.Status} {posted.Html}");
            locations.Add(posted.Location);
        }

        Assert.Equal(locations[0], locations[1]);
        Assert.StartsWith("/api/web/tickets/T-WEB?done=", locations[0], StringComparison.Ordinal);

        // The page the browser is sent to, once both contacts' case notes are written: the same on both hosts.
        var after = await SamePageAsync(sessions, WebFunctions.GetTicketPage, locations[0]!, "Ticket T-WEB",
            settled: html => html.Contains("Called through the server.", StringComparison.Ordinal) && html.Contains("Called through the functions.", StringComparison.Ordinal));
        Assert.Contains("The contact was recorded", after, StringComparison.Ordinal);

        // A form posted without its token is refused alike.
        foreach (var session in sessions)
        {
            var refused = await session.SendAsync(WebFunctions.PostTicketForm, "POST", "/api/web/tickets/T-WEB/contact", Form(("notes", "forged")));
            Assert.Equal(400, refused.Status);
            Assert.Contains("was not accepted", refused.Html, StringComparison.Ordinal);
        }
    }

    private const string WebToken = "__RequestVerificationToken";

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The antiforgery token of the page's (first) form.</summary>
    private static string Token(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, $"name=\"{WebToken}\" value=\"([^\"]+)\"") is { Success: true } m
            ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException("The page has no antiforgery token.");

    /// <summary>The page's main content, with the antiforgery tokens (each session's own) taken out.</summary>
    private static string MainOf(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, html);
        return System.Text.RegularExpressions.Regex.Replace(html[start..end], $"<input type=\"hidden\" name=\"{WebToken}\" value=\"[^\"]*\">", "");
    }

    /// <summary>
    /// GETs <paramref name="path"/> on both hosts once the server's page is settled (the same twice running, and
    /// <paramref name="settled"/> holds) and asserts the functions' page is the same: status 200, title, main content.
    /// </summary>
    private static async Task<string> SamePageAsync(PageSession[] sessions, Func<HttpRequest, DurableTaskClient, Task> function, string path, string heading,
        Func<string, bool>? settled = null)
    {
        string? serverMain = null, functionsMain = null;
        await ApiScenario.UntilAsync(async () =>
        {
            var first = await sessions[0].SendAsync(function, "GET", path);
            var fromFunctions = await sessions[1].SendAsync(function, "GET", path);
            var again = await sessions[0].SendAsync(function, "GET", path);
            Assert.True(first.Status == 200, $"server {path}: {first.Status} {first.Html}");
            Assert.True(fromFunctions.Status == 200, $"functions {path}: {fromFunctions.Status} {fromFunctions.Html}");
            (serverMain, functionsMain) = (MainOf(first.Html), MainOf(fromFunctions.Html));
            return serverMain == MainOf(again.Html) && (settled?.Invoke(serverMain) ?? true);
        });
        Assert.Contains($"<h1>{heading}</h1>", serverMain, StringComparison.Ordinal);
        Assert.Equal(serverMain, functionsMain);
        return serverMain!;
    }

    private sealed record PageAnswer(int Status, string? Location, string Html, IReadOnlyList<string> SetCookies);

    /// <summary>A browser's cookie jar on one host: sends a page request with its cookies and keeps what it sets.</summary>
    private sealed class PageSession(Func<Func<HttpRequest, DurableTaskClient, Task>, string, string, HttpContent?, string, Task<PageAnswer>> send)
    {
        private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

        public async Task<PageAnswer> SendAsync(Func<HttpRequest, DurableTaskClient, Task> function, string method, string path, HttpContent? content = null)
        {
            var answer = await send(function, method, path, content, string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            foreach (var set in answer.SetCookies)
            {
                var pair = set.Split(';', 2)[0];
                var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                if (value.Length == 0 || set.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    cookies.Remove(name);
                }
                else
                {
                    cookies[name] = value;
                }
            }

            return answer;
        }
    }

    private async Task SameAsync(Func<HttpRequest, DurableTaskClient, Task> function, string method, (string Server, string Functions) path,
        Func<HttpContent>? serverContent, Func<HttpContent>? functionContent, string? key, int? expected)
    {
        key = key == "" ? server.FirstEnKey : key;
        using var http = server.Client(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Server) { Content = serverContent?.Invoke() };
        using var fromServer = await http.SendAsync(request);
        var serverBody = await fromServer.Content.ReadAsStringAsync();
        var fromFunction = await functions.InvokeAsync(function, client, method, path.Functions, functionContent?.Invoke(), key);

        var what = $"{method} {path.Functions}: server {(int)fromServer.StatusCode} {serverBody}\nfunction {fromFunction.StatusCode} {fromFunction.Text}\n"
            + string.Join("\n", FunctionsAppHost.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(l => l.Message));
        if (expected is not null)
        {
            Assert.True((int)fromServer.StatusCode == expected, what);
        }

        Assert.True((int)fromServer.StatusCode == fromFunction.StatusCode, what);
        Assert.Equal(fromServer.Content.Headers.ContentType?.MediaType, fromFunction.ContentType?.Split(';')[0]);
        Assert.True(Shape(serverBody.Length == 0 ? null : JsonNode.Parse(serverBody)) == Shape(fromFunction.Json), what);
    }

    /// <summary>Property names and value kinds, recursively; an array by its first item.</summary>
    private static string Shape(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Shape(p.Value)}")) + "}",
        JsonArray a => "[" + (a.Count == 0 ? "" : Shape(a[0])) + "]",
        JsonValue v => v.GetValueKind().ToString(),
        _ => "?",
    };
}
