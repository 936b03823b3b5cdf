using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests.Tickets;

[Collection(AzuriteCollection.Name)]
public sealed class ContactApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Real time: contacts are dated a few days back so they are never "in the future" in New York.
    private static readonly DateOnly Recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static StringContent Contact(bool twoWay, string notes = "Talked about the job search.") =>
        Json($$"""{"on":"{{Recently:yyyy-MM-dd}}","method":"Phone","staffId":"s1","twoWay":{{(twoWay ? "true" : "false")}},"notes":"{{notes}}"}""");

    [Fact]
    public async Task A_two_way_contact_is_accepted_then_its_case_note_and_audit_entry_are_written_by_the_workflow()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "C-1", Recently);

        using var accepted = await client.PostAsync("/api/v1/tickets/C-1/contacts", Contact(twoWay: true));
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var noteId = body.GetProperty("noteId").GetString()!;
        Assert.EndsWith($"/api/v1/tickets/C-1/case-notes/{noteId}", accepted.Headers.Location!.ToString(), StringComparison.Ordinal);
        JsonElement note = default;
        await UntilAsync(async () =>
        {
            using var response = await client.GetAsync(accepted.Headers.Location);
            note = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return response.IsSuccessStatusCode;
        });
        Assert.Equal("TwoWayContact", note.GetProperty("kind").GetString());
        Assert.Equal("Talked about the job search.", note.GetProperty("notes").GetString());
        await UntilAsync(async () =>
        {
            var timeline = await client.GetFromJsonAsync<JsonElement>("/api/v1/tickets/C-1/timeline");
            return timeline.GetProperty("events").EnumerateArray().Any(e =>
                e.GetProperty("action").GetString() == "two-way contact recorded (phone)" && e.GetProperty("actor").GetString() == "key:first-run"
                && e.GetProperty("outcome").GetString() == "done");
        });
        var notes = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/C-1/case-notes");
        Assert.Single(notes!, n => n.GetProperty("noteId").GetString() == noteId);
    }

    [Fact]
    public async Task A_no_contact_request_is_kept_as_a_case_note_and_starts_the_unassignment_clock()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "C-7", Recently);

        using var accepted = await client.PostAsync("/api/v1/tickets/C-7/no-contact-requests",
            Json($$"""{"on":"{{Recently:yyyy-MM-dd}}","staffId":"s1","notes":"Asked by phone not to be contacted for now."}"""));
        using var asEvent = await client.PostAsync("/api/v1/tickets/C-7/events", Json($$"""{"type":"NoContactRequested","on":"{{Recently:yyyy-MM-dd}}"}"""));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, asEvent.StatusCode);
        JsonElement note = default;
        await UntilAsync(async () =>
        {
            using var response = await client.GetAsync(accepted.Headers.Location);
            note = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return response.IsSuccessStatusCode;
        });
        Assert.Equal("NoContactRequest", note.GetProperty("kind").GetString());
        var ticket = await PollAsync(() => client.GetFromJsonAsync<JsonElement>("/api/v1/tickets/C-7"),
            t => t.GetProperty("deadlines").EnumerateArray().Any(d => d.GetProperty("ruleId").GetString() == "ija-unassign"));
        var unassign = ticket.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("ruleId").GetString() == "ija-unassign");
        Assert.Equal($"{Recently:yyyy-MM-dd}", unassign.GetProperty("clockStartedOn").GetString());
    }

    [Fact]
    public async Task A_contact_before_the_ticket_is_assigned_answers_409_and_writes_nothing()
    {
        using var client = _host.Client(_host.FirstEnKey);
        using var registered = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"C-2","ticketholder":{"id":"th-c2","name":"Jordan"}}"""));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        using var response = await client.PostAsync("/api/v1/tickets/C-2/contacts", Contact(twoWay: false));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Registered", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/C-2/case-notes"))!);
    }

    [Fact]
    public async Task A_contact_dated_before_the_ticket_was_assigned_is_refused_by_the_api_as_the_workflow_would()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "C-8", Recently);

        using var response = await client.PostAsync("/api/v1/tickets/C-8/contacts",
            Json($$"""{"on":"{{Recently.AddDays(-1):yyyy-MM-dd}}","method":"Phone","staffId":"s1","twoWay":true,"notes":"x"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("dated before the ticket became InitialJobAcquisition", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_on_a_ticket_whose_workflow_was_terminated_answers_409_naming_it()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "C-3", Recently);
        using var terminate = await client.PostAsync("/api/v1/instances/ticket:P00001:C-3/terminate?reason=test", null);
        Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        await UntilAsync(async () => (await client.GetStringAsync("/api/v1/instances/ticket:P00001:C-3")).Contains("Terminated", StringComparison.Ordinal));

        using var response = await client.PostAsync("/api/v1/tickets/C-3/contacts", Contact(twoWay: true));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Terminated", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"on":"2999-01-01","method":"Phone","staffId":"s1","twoWay":true,"notes":"x"}""", "on")]
    [InlineData("""{"on":"2025-01-01","method":"Pigeon","staffId":"s1","twoWay":true,"notes":"x"}""", "$.method")]
    [InlineData("""{"on":"2025-01-01","method":"Phone","staffId":"../s1","twoWay":true,"notes":"x"}""", "staffId")]
    [InlineData("""{"on":"01/02/2025","method":"Phone","staffId":"s1","twoWay":true,"notes":"x"}""", "$.on")]
    public async Task An_invalid_contact_answers_400_naming_the_field(string json, string field)
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "C-4", Recently);

        using var response = await client.PostAsync("/api/v1/tickets/C-4/contacts", Json(json));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), problem.ToString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/C-4/case-notes"))!);
    }

    [Fact]
    public async Task A_contact_without_a_body_answers_400_saying_a_json_body_is_needed()
    {
        using var client = _host.Client(_host.FirstEnKey);

        using var response = await client.PostAsync("/api/v1/tickets/C-6/contacts", content: null);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Body required", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Another_ens_contact_and_case_note_answer_404_like_missing_ones()
    {
        using var owner = _host.Client(_host.FirstEnKey);
        using var other = _host.Client(_host.SecondEnKey);
        await AssignAsync(owner, "C-5", Recently);
        using var accepted = await owner.PostAsync("/api/v1/tickets/C-5/contacts", Contact(twoWay: true));
        await UntilAsync(async () => (await owner.GetAsync(accepted.Headers.Location)).IsSuccessStatusCode);

        using var foreignPost = await other.PostAsync("/api/v1/tickets/C-5/contacts", Contact(twoWay: true));
        using var foreignNote = await other.GetAsync(accepted.Headers.Location);
        using var missingPost = await other.PostAsync("/api/v1/tickets/C-404/contacts", Contact(twoWay: true));

        Assert.Equal(HttpStatusCode.NotFound, foreignPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignNote.StatusCode);
        var missing = await missingPost.Content.ReadFromJsonAsync<JsonElement>();
        var foreign = await foreignPost.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(missing.GetProperty("title").GetString(), foreign.GetProperty("title").GetString());
        Assert.Equal(missing.GetProperty("detail").GetString(), foreign.GetProperty("detail").GetString()!.Replace("C-5", "C-404", StringComparison.Ordinal));
        Assert.Single((await owner.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/C-5/case-notes"))!);
    }
}
