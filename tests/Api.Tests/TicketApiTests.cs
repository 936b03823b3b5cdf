using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TicketApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ApiHost _host = null!;

    // Real time: signatures and events are dated a few days back so they are never "in the future" in New York.
    private static readonly DateOnly Recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task RegisterAsync(HttpClient client, string ticket)
    {
        var response = await client.PostAsync("/api/v1/tickets", Json($$"""{"ticketNumber":"{{ticket}}","ticketholder":{"id":"th-{{ticket}}","name":"Jordan","email":"jordan@mail.example"},"staffId":"s1"}"""));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_new_user_registers_a_ticket_submits_the_sample_iwp_and_sees_its_deadline()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await RegisterAsync(client, "T-100");

        var submitted = await client.PostAsync("/api/v1/tickets/T-100/iwps", Json(SampleIwp(Recently)));
        var body = await submitted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.False(body.GetProperty("blocking").GetBoolean());
        Assert.Equal(Recently.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("deadlines")[0].GetProperty("dueOn").GetString());
        var deadlines = await PollAsync(() => client.GetFromJsonAsync<JsonElement[]>("/api/v1/deadlines"), d => d.Length > 0);
        Assert.Contains(deadlines, d => d.GetProperty("subjectId").GetString() == "T-100" && d.GetProperty("ruleId").GetString() == "iwp-submission");
        var timeline = await PollAsync(() => client.GetFromJsonAsync<JsonElement>("/api/v1/tickets/T-100/timeline"), t => t.GetProperty("events").GetArrayLength() >= 2);
        var actions = timeline.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString())).ToList();
        Assert.Contains(("register ticket", "key:first-run"), actions);
        Assert.Contains(("iwp signed", "key:first-run"), actions);
    }

    [Fact]
    public async Task An_event_the_tickets_state_does_not_allow_answers_409_with_the_reason()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await RegisterAsync(client, "T-101");

        var response = await client.PostAsync("/api/v1/tickets/T-101/events", Json($$"""{"type":"TpmReceiptRecorded","on":"{{Recently:yyyy-MM-dd}}"}"""));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("not allowed while the ticket is Registered", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_ens_ticket_answers_404_exactly_like_a_missing_one_on_every_ticket_endpoint()
    {
        using var owner = _host.Client(_host.FirstEnKey);
        using var other = _host.Client(_host.SecondEnKey);
        await RegisterAsync(owner, "T-102");
        var requests = new Func<HttpClient, string, Task<HttpResponseMessage>>[]
        {
            (c, t) => c.GetAsync($"/api/v1/tickets/{t}"),
            (c, t) => c.GetAsync($"/api/v1/tickets/{t}/case-notes"),
            (c, t) => c.GetAsync($"/api/v1/tickets/{t}/timeline"),
            (c, t) => c.PostAsync($"/api/v1/tickets/{t}/iwps", Json(SampleIwp(Recently))),
            (c, t) => c.PostAsync($"/api/v1/tickets/{t}/events", Json($$"""{"type":"IwpSubmitted","on":"{{Recently:yyyy-MM-dd}}"}""")),
            (c, t) => c.PostAsync($"/api/v1/tickets/{t}/contacts", Json($$"""{"on":"{{Recently:yyyy-MM-dd}}","method":"Phone","staffId":"s1","twoWay":true,"notes":"x"}""")),
            (c, t) => c.GetAsync($"/api/v1/instances/ticket:P00001:{t}"),
        };

        foreach (var request in requests)
        {
            var foreign = await request(other, "T-102");
            var missing = await request(other, "T-NOPE");
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
            Assert.Equal(missing.StatusCode, foreign.StatusCode);
            Assert.Equal((await missing.Content.ReadAsStringAsync()).Replace("T-NOPE", "T-102", StringComparison.Ordinal).Split("traceId")[0],
                (await foreign.Content.ReadAsStringAsync()).Split("traceId")[0]);
        }

        Assert.Empty(await other.GetFromJsonAsync<JsonElement[]>("/api/v1/deadlines") ?? []);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("tf_0000000000000000_not-a-real-secret-not-a-real-secret-000", HttpStatusCode.Unauthorized)]
    [InlineData("garbage", HttpStatusCode.Unauthorized)]
    public async Task Calls_without_a_valid_api_key_are_refused(string? key, HttpStatusCode expected)
    {
        using var client = _host.Client(key);

        var response = await client.GetAsync("/api/v1/deadlines");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_fields_answer_400_with_every_field_named_and_nothing_is_written()
    {
        using var client = _host.Client(_host.FirstEnKey);

        var invalid = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"../etc/passwd","ticketholder":{"id":"","name":"","email":"nope"}}"""));
        var unknownField = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"T-200","ticketholder":{"id":"a","name":"b"},"colour":"red"}"""));
        var badDate = await client.PostAsync("/api/v1/tickets/T-200/events", Json("""{"type":"IwpSubmitted","on":"03/04/2026"}"""));
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "ticketNumber", "ticketholder.id", "ticketholder.name", "ticketholder.email" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is not named in {errors}");
        }

        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/tickets/T-200")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode); // the body is read before the ticket is looked up
    }

    [Fact]
    public async Task A_repeated_post_with_the_same_idempotency_key_gets_the_first_answer_and_a_different_body_gets_422()
    {
        using var client = _host.Client(_host.FirstEnKey);
        HttpRequestMessage Post(string ticket) => new(HttpMethod.Post, "/api/v1/tickets")
        {
            Content = Json($$$"""{"ticketNumber":"{{{ticket}}}","ticketholder":{"id":"th-1","name":"J"}}"""),
            Headers = { { "Idempotency-Key", "register-T-300" } },
        };

        var first = await client.SendAsync(Post("T-300"));
        var repeat = await client.SendAsync(Post("T-300"));
        var different = await client.SendAsync(Post("T-301"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/tickets/T-301")).StatusCode);
    }

    [Fact]
    public async Task A_signed_document_of_the_wrong_type_answers_415_and_one_too_large_413()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await RegisterAsync(client, "T-400");

        using var wrongType = new MultipartFormDataContent
        {
            { new StringContent(SampleIwp(Recently)), "iwp" },
            { new ByteArrayContent("MZ"u8.ToArray()) { Headers = { ContentType = new("application/x-msdownload") } }, "document", "iwp.exe" },
        };
        using var tooLarge = new MultipartFormDataContent
        {
            { new StringContent(SampleIwp(Recently)), "iwp" },
            { new ByteArrayContent(new byte[11 * 1024 * 1024]) { Headers = { ContentType = new("application/pdf") } }, "document", "iwp.pdf" },
        };

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/v1/tickets/T-400/iwps", wrongType)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync("/api/v1/tickets/T-400/iwps", tooLarge)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/v1/tickets/T-400/iwps", new StringContent("x", Encoding.UTF8, "text/plain"))).StatusCode);
        var timeline = await client.GetFromJsonAsync<JsonElement>("/api/v1/tickets/T-400/timeline");
        Assert.Equal(0, timeline.GetProperty("deadlines").GetArrayLength());
    }

    [Fact]
    public async Task The_instance_status_has_the_durable_functions_shape_and_health_answers_without_a_key()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await RegisterAsync(client, "T-500");

        var status = await PollAsync(() => client.GetFromJsonAsync<JsonElement>("/api/v1/instances/ticket:P00001:T-500"), s => s.GetProperty("runtimeStatus").GetString() == "Running");
        using var anonymous = _host.Client(null);

        foreach (var field in new[] { "runtimeStatus", "input", "customStatus", "output", "createdTime", "lastUpdatedTime" })
        {
            Assert.True(status.TryGetProperty(field, out _), field);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Instances_are_listed_suspended_resumed_terminated_and_purged_by_their_own_en_only()
    {
        using var owner = _host.Client(_host.FirstEnKey);
        using var other = _host.Client(_host.SecondEnKey);
        using var started = await owner.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"T-600","ticketholder":{"id":"th-600","name":"J"}}"""));
        var links = await started.Content.ReadFromJsonAsync<JsonElement>();
        const string id = "ticket:P00001:T-600";
        await PollAsync(() => owner.GetFromJsonAsync<JsonElement>($"/api/v1/instances/{id}"), s => s.GetProperty("runtimeStatus").GetString() == "Running");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.EndsWith("/api/v1/instances/ticket%3AP00001%3AT-600", links.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        Assert.Equal(links.GetProperty("statusQueryGetUri").GetString(), started.Headers.Location!.ToString());
        Assert.Equal(id, links.GetProperty("id").GetString());
        Assert.EndsWith("/api/v1/tickets/T-600/events", links.GetProperty("sendEventPostUri").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/api/v1/tickets/T-600", links.GetProperty("resourceUri").GetString(), StringComparison.Ordinal);
        Assert.Equal("Registered", links.GetProperty("resource").GetProperty("status").GetString());
        foreach (var uri in new[] { "terminatePostUri", "suspendPostUri", "resumePostUri", "purgeHistoryDeleteUri" })
        {
            Assert.StartsWith(links.GetProperty("statusQueryGetUri").GetString()!, links.GetProperty(uri).GetString(), StringComparison.Ordinal);
        }
        Assert.Contains(await owner.GetFromJsonAsync<JsonElement[]>("/api/v1/instances?kind=ticket") ?? [], i => i.GetProperty("instanceId").GetString() == id);
        Assert.DoesNotContain(await other.GetFromJsonAsync<JsonElement[]>("/api/v1/instances?kind=ticket") ?? [], i => i.GetProperty("instanceId").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/instances/{id}/terminate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.DeleteAsync($"/api/v1/instances/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/v1/instances/{id}/suspend?reason=review", null)).StatusCode);
        await PollAsync(() => owner.GetFromJsonAsync<JsonElement>($"/api/v1/instances/{id}"), s => s.GetProperty("runtimeStatus").GetString() == "Suspended");
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/v1/instances/{id}/resume", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/v1/instances/{id}/terminate?reason=test", null)).StatusCode);
        var terminated = await PollAsync(() => owner.GetFromJsonAsync<JsonElement>($"/api/v1/instances/{id}"), s => s.GetProperty("runtimeStatus").GetString() == "Terminated");
        Assert.Equal("Terminated", terminated.GetProperty("runtimeStatus").GetString());
        Assert.Equal(HttpStatusCode.OK, (await owner.DeleteAsync($"/api/v1/instances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/instances/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_stopped_ticket_workflow_is_restarted_by_its_operator_and_takes_events_again()
    {
        using var owner = _host.Client(_host.FirstEnKey);
        using var other = _host.Client(_host.SecondEnKey);
        using var started = await owner.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"T-610","ticketholder":{"id":"th-610","name":"R"}}"""));
        const string id = "ticket:P00001:T-610";
        await PollAsync(() => owner.GetFromJsonAsync<JsonElement>($"/api/v1/instances/{id}"), s => s.GetProperty("runtimeStatus").GetString() == "Running");

        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync($"/api/v1/instances/{id}/restart", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/v1/instances/{id}/terminate?reason=test", null)).StatusCode);
        await PollAsync(() => owner.GetFromJsonAsync<JsonElement>($"/api/v1/instances/{id}"), s => s.GetProperty("runtimeStatus").GetString() == "Terminated");
        using (var stopped = await owner.PostAsync("/api/v1/tickets/T-610/iwps", Json(SampleIwp(Recently))))
            Assert.Equal(HttpStatusCode.Conflict, stopped.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/instances/{id}/restart", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/v1/instances/{id}/restart", null)).StatusCode);
        await PollAsync(() => owner.GetFromJsonAsync<JsonElement>($"/api/v1/instances/{id}"), s => s.GetProperty("runtimeStatus").GetString() == "Running");
        using var iwp = await owner.PostAsync("/api/v1/tickets/T-610/iwps", Json(SampleIwp(Recently)));
        Assert.Equal(HttpStatusCode.Accepted, iwp.StatusCode);
    }
}
