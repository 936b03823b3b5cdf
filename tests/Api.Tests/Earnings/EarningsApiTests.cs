using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests.Earnings;

[Collection(AzuriteCollection.Name)]
public sealed class EarningsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Real time: the ticket is assigned a few days back, and earnings are for last month (never a month not begun).
    private static readonly DateOnly Recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
    private static readonly string LastMonth = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_months_earnings_with_its_pay_stub_are_stored_before_201_and_listed()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "E-1", Recently);
        var stub = Convert.ToBase64String("%PDF-1.7 pay stub"u8.ToArray());

        using var created = await client.PostAsync("/api/v1/tickets/E-1/earnings", Json(
            $$$"""{"month":"{{{LastMonth}}}","grossAmount":1234.5,"source":"PayStub","staffId":"s1","document":{"contentType":"application/pdf","contentBase64":"{{{stub}}}"}}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith($"/api/v1/tickets/E-1/earnings/{LastMonth}", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        var one = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal(1234.5m, one.GetProperty("grossAmount").GetDecimal());
        Assert.Equal("PayStub", one.GetProperty("source").GetString());
        Assert.Equal(17, one.GetProperty("document").GetProperty("length").GetInt64());
        var list = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/E-1/earnings");
        Assert.Single(list!);

        // Recording the month again corrects it: still one record.
        using var corrected = await client.PostAsync("/api/v1/tickets/E-1/earnings", Json(
            $$"""{"month":"{{LastMonth}}","grossAmount":1300,"source":"EmployerReport","staffId":"s1"}"""));
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/E-1/earnings");
        Assert.Equal(1300m, Assert.Single(after!).GetProperty("grossAmount").GetDecimal());
    }

    [Theory]
    [InlineData("""{"month":"2026-13","grossAmount":10,"source":"PayStub","staffId":"s1"}""", "month")]
    [InlineData("""{"month":"2999-01","grossAmount":10,"source":"PayStub","staffId":"s1"}""", "month")]
    [InlineData("""{"month":"LAST","grossAmount":-1,"source":"PayStub","staffId":"s1"}""", "grossAmount")]
    [InlineData("""{"month":"LAST","grossAmount":10,"source":"PayStub","staffId":"s1","document":{"contentType":"text/plain","contentBase64":"aGk="}}""", "document.contentType")]
    [InlineData("""{"month":"LAST","grossAmount":10,"source":"PayStub","staffId":"s1","document":{"contentType":"application/pdf","contentBase64":"not base64!"}}""", "document.contentBase64")]
    public async Task Bad_earnings_get_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "E-2", Recently);

        using var response = await client.PostAsync("/api/v1/tickets/E-2/earnings", Json(json.Replace("LAST", LastMonth, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/E-2/earnings"))!);
    }

    [Fact]
    public async Task An_unknown_source_is_refused()
    {
        using var client = _host.Client(_host.FirstEnKey);
        await AssignAsync(client, "E-3", Recently);
        using var response = await client.PostAsync("/api/v1/tickets/E-3/earnings", Json(
            $$"""{"month":"{{LastMonth}}","grossAmount":10,"source":"Guess","staffId":"s1"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Earnings_for_a_ticket_not_yet_assigned_get_409_and_another_ENs_ticket_404()
    {
        using var client = _host.Client(_host.FirstEnKey);
        using var registered = await client.PostAsync("/api/v1/tickets", Json("""{"ticketNumber":"E-4","ticketholder":{"id":"th-E-4","name":"Jordan"}}"""));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var body = $$"""{"month":"{{LastMonth}}","grossAmount":10,"source":"TicketholderStatement","staffId":"s1"}""";

        HttpStatusCode status = default;
        await UntilAsync(async () =>
        {
            using var response = await client.PostAsync("/api/v1/tickets/E-4/earnings", Json(body));
            status = response.StatusCode;
            return status == HttpStatusCode.Conflict;
        });

        using var other = _host.Client(_host.SecondEnKey);
        using var notYours = await other.PostAsync("/api/v1/tickets/E-4/earnings", Json(body));
        Assert.Equal(HttpStatusCode.NotFound, notYours.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/tickets/E-4/earnings")).StatusCode);
    }
}
