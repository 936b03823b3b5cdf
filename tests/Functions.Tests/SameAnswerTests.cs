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
