using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests.Deadlines;

[Collection(AzuriteCollection.Name)]
public sealed class DeadlineStateApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_late_submission_is_listed_as_met_late_with_its_days_late_and_the_report_of_late_work_finds_it()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var signed = Today.AddDays(-20); // due 14 days later: six days before Today
        using (var registered = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"L-1","ticketholder":{"id":"th-L-1","name":"Jordan"}}""")))
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        await UntilAsync(async () =>
        {
            using var response = await client.PostAsync("/api/v1/tickets/L-1/iwps", Json(SampleIwp(signed)));
            return response.IsSuccessStatusCode;
        });
        var day = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await UntilAsync(async () =>
        {
            using var response = await client.PostAsync("/api/v1/tickets/L-1/events", Json($$"""{"type":"IwpSubmitted","on":"{{day}}"}"""));
            return response.IsSuccessStatusCode;
        });

        var from = signed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        JsonElement late = default;
        await UntilAsync(async () =>
        {
            var list = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/deadlines?state=MetLate&from={from}&to={to}");
            late = list!.FirstOrDefault(d => d.GetProperty("subjectId").GetString() == "L-1" && d.GetProperty("ruleId").GetString() == "iwp-submission");
            return late.ValueKind == JsonValueKind.Object;
        });

        Assert.Equal("MetLate", late.GetProperty("state").GetString());
        Assert.Equal(day, late.GetProperty("completedOn").GetString());
        Assert.Equal(6, late.GetProperty("daysLate").GetInt32());
        var onTime = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/deadlines?state=Met&from={from}&to={to}");
        Assert.DoesNotContain(onTime!, d => d.GetProperty("subjectId").GetString() == "L-1" && d.GetProperty("ruleId").GetString() == "iwp-submission");

        // The ticket's timeline shows the same record.
        var timeline = await client.GetFromJsonAsync<JsonElement>("/api/v1/tickets/L-1/timeline");
        Assert.Contains(timeline.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("ruleId").GetString() == "iwp-submission"
            && d.GetProperty("state").GetString() == "MetLate" && d.GetProperty("daysLate").GetInt32() == 6);
    }

    [Fact]
    public async Task An_unknown_state_in_the_query_is_refused()
    {
        using var client = _host.Client(_host.FirstEnKey);
        using var response = await client.GetAsync("/api/v1/deadlines?state=Late");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
