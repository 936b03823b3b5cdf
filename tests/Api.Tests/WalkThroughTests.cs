using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

/// <summary>README's "A first call", pasted at once on a fresh host: every request back to back, no waits.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WalkThroughTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_readme_walk_through_sent_back_to_back_on_a_fresh_host_never_gets_409()
    {
        await using var host = await ApiHost.StartAsync(azurite);
        using var client = host.Client(host.FirstEnKey);

        // `date +%F` in the EN's zone (the first-run EN is in New York), and the sample IWP signed the day before.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTimeOffset.UtcNow, "America/New_York").DateTime);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var answers = new List<(string Step, HttpStatusCode Status, string Body)>();
        async Task Send(string step, HttpMethod method, string path, string? json = null)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) });
            answers.Add((step, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        await Send("register", HttpMethod.Post, "/api/v1/tickets",
            """{"ticketNumber":"T-1001","ticketholder":{"id":"th-1001","name":"Aliyah Example","email":"aliyah@mail.example"},"staffId":"s1"}""");
        await Send("iwp", HttpMethod.Post, "/api/v1/tickets/T-1001/iwps", SampleIwp(today.AddDays(-1)));
        await Send("deadlines", HttpMethod.Get, "/api/v1/deadlines");
        foreach (var e in new[] { "IwpSubmitted", "TpmReceiptRecorded" })
        {
            await Send(e, HttpMethod.Post, "/api/v1/tickets/T-1001/events", $$"""{"type":"{{e}}","on":"{{day}}"}""");
        }

        await Send("review", HttpMethod.Post, "/api/v1/tickets/T-1001/events", $$"""{"type":"ReviewDecisionRecorded","on":"{{day}}","compliant":true}""");
        await Send("contact", HttpMethod.Post, "/api/v1/tickets/T-1001/contacts",
            $$"""{"on":"{{day}}","method":"Phone","staffId":"s1","twoWay":true,"notes":"Talked about the job search."}""");
        await Send("case notes", HttpMethod.Get, "/api/v1/tickets/T-1001/case-notes");
        await Send("ticket", HttpMethod.Get, "/api/v1/tickets/T-1001");
        await Send("timeline", HttpMethod.Get, "/api/v1/tickets/T-1001/timeline");

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{a.Step}: {(int)a.Status} {a.Body}"));

        // And what was accepted is what the workflow does: the ticket is assigned and the contact's note is written.
        var notes = await PollAsync(() => client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/T-1001/case-notes"), n => n.Length == 1);
        Assert.Single(notes);
        var status = await PollAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/v1/tickets/T-1001")).GetProperty("ticket").GetProperty("status").GetString(),
            s => s == "InitialJobAcquisition");
        Assert.Equal("InitialJobAcquisition", status);
    }
}
