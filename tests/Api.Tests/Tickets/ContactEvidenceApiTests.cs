using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests.Tickets;

[Collection(AzuriteCollection.Name)]
public sealed class ContactEvidenceApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly Recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
    private static readonly string Day = Recently.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_contact_keeps_its_evidence_time_number_used_duration_message_services_and_attachment()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "V-1", Recently);
        var letter = Convert.ToBase64String("%PDF-1.7 letter"u8.ToArray());

        using var accepted = await client.PostAsync("/api/v1/tickets/V-1/contacts", Json($$"""
            {"on":"{{Day}}","method":"Voicemail","staffId":"s1","twoWay":false,"notes":"No answer.","time":"14:30",
             "contactDetail":"555-0100","durationMinutes":2,"messageLeft":"Please call Casey back about the job fair.",
             "servicesProvided":["job fair invitation"],"attachments":[{"contentType":"application/pdf","contentBase64":"{{letter}}"}]}
            """));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        JsonElement note = default;
        await UntilAsync(async () =>
        {
            using var response = await client.GetAsync(accepted.Headers.Location);
            note = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return response.IsSuccessStatusCode;
        });
        Assert.Equal("ContactAttempt", note.GetProperty("kind").GetString());
        Assert.Equal("14:30:00", note.GetProperty("time").GetString());
        Assert.Equal("555-0100", note.GetProperty("contactDetail").GetString());
        Assert.Equal(2, note.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("Please call Casey back about the job fair.", note.GetProperty("messageLeft").GetString());
        Assert.Equal("job fair invitation", note.GetProperty("servicesProvided")[0].GetString());
        Assert.Equal(15, Assert.Single(note.GetProperty("attachments").EnumerateArray()).GetProperty("length").GetInt64());
    }

    [Theory]
    [InlineData("\"time\":\"2pm\"", "time")]
    [InlineData("\"durationMinutes\":-5", "durationMinutes")]
    [InlineData("\"attachments\":[{\"contentType\":\"text/html\",\"contentBase64\":\"aGk=\"}]", "attachments[0].contentType")]
    public async Task Bad_evidence_gets_400_naming_the_field(string extra, string field)
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "V-2", Recently);

        using var response = await client.PostAsync("/api/v1/tickets/V-2/contacts", Json(
            $$$"""{"on":"{{{Day}}}","method":"Phone","staffId":"s1","twoWay":false,"notes":"No answer.",{{{extra}}}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_service_note_is_stored_before_201_is_not_a_contact_and_starts_no_clock()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "V-3", Recently);

        using var created = await client.PostAsync("/api/v1/tickets/V-3/service-notes", Json(
            $$"""{"on":"{{Day}}","staffId":"s1","notes":"Reviewed the resume draft.","servicesProvided":["resume review"],"durationMinutes":45}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var note = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal("ServiceNote", note.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, note.GetProperty("method").ValueKind);
        var ticket = await client.GetFromJsonAsync<JsonElement>("/api/v1/tickets/V-3");
        Assert.DoesNotContain(ticket.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("ruleId").GetString() == "ija-unassign");
    }

    [Fact]
    public async Task Unassigning_for_lost_contact_with_one_attempt_gets_409_with_the_count()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "V-4", Recently);
        using (var attempt = await client.PostAsync("/api/v1/tickets/V-4/contacts", Json($$"""{"on":"{{Day}}","method":"Phone","staffId":"s1","twoWay":false,"notes":"No answer."}""")))
            Assert.Equal(HttpStatusCode.Accepted, attempt.StatusCode);

        string? reason = null;
        await UntilAsync(async () =>
        {
            using var response = await client.PostAsync("/api/v1/tickets/V-4/events", Json($$"""{"type":"TicketUnassigned","on":"{{Day}}","reason":"LostContact"}"""));
            reason = response.StatusCode == HttpStatusCode.Conflict ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() : null;
            return reason?.Contains("; 1 is logged", StringComparison.Ordinal) == true;
        });
        Assert.Contains("at least 3 contact attempts within one month", reason, StringComparison.Ordinal);
    }
}
