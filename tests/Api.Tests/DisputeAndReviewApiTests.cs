using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DisputeAndReviewApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string Recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static MultipartFormDataContent DisputeForm(string id, bool notCovered = true, bool withAgreement = true, string agreementType = "application/pdf") =>
        ApiScenario.DisputeForm(id, Recently, notCovered, withAgreement, agreementType);

    [Fact]
    public async Task A_dispute_request_with_its_agreement_opens_the_pms_20_day_window_and_a_decision_request_before_the_recommendation_is_refused()
    {
        using var client = _host.Client(_host.FirstEnKey);

        var opened = await client.PostAsync("/api/v1/disputes", DisputeForm("D-1"));
        Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        var early = await client.PostAsync("/api/v1/disputes/D-1/events", new StringContent($$"""{"type":"DecisionRequested","on":"{{Recently}}","requestedBy":"StateVrAgency"}""", Encoding.UTF8, "application/json"));
        var dispute = await PollAsync(() => client.GetFromJsonAsync<JsonElement>("/api/v1/disputes/D-1"), d => d.GetProperty("deadlines").GetArrayLength() > 0);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var deadline = dispute.GetProperty("deadlines")[0];
        Assert.Equal("dispute-recommendation", deadline.GetProperty("ruleId").GetString());
        Assert.Equal(DateOnly.Parse(Recently, System.Globalization.CultureInfo.InvariantCulture).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            deadline.GetProperty("dueOn").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client(_host.SecondEnKey).GetAsync("/api/v1/disputes/D-1")).StatusCode);
    }

    [Fact]
    public async Task A_dispute_request_needs_the_agreement_copy_and_the_statement_that_no_other_procedure_applies()
    {
        using var client = _host.Client(_host.FirstEnKey);

        var noAgreement = await client.PostAsync("/api/v1/disputes", DisputeForm("D-2", withAgreement: false));
        var covered = await client.PostAsync("/api/v1/disputes", DisputeForm("D-3", notCovered: false));
        var notPdf = await client.PostAsync("/api/v1/disputes", DisputeForm("D-4", agreementType: "text/html"));

        Assert.Equal(HttpStatusCode.BadRequest, noAgreement.StatusCode);
        Assert.Contains("411.435(c)(1)(i)", await noAgreement.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, covered.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notPdf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/disputes/D-2")).StatusCode);
    }

    [Fact]
    public async Task An_ss_review_builds_a_package_per_sampled_ticket_to_download_and_is_marked_sent()
    {
        using var client = _host.Client(_host.FirstEnKey);
        var registered = await client.PostAsync("/api/v1/tickets", new StringContent("""{"ticketNumber":"T-SS","ticketholder":{"id":"th-ss","name":"J"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);

        var opened = await client.PostAsJsonAsync("/api/v1/reviews", new { reviewId = "R-1", receivedOn = Recently, dueOn = "2099-01-01", ticketNumbers = new[] { "T-SS" } });
        var unknownTicket = await client.PostAsJsonAsync("/api/v1/reviews", new { reviewId = "R-2", receivedOn = Recently, dueOn = "2099-01-01", ticketNumbers = new[] { "T-NOPE" } });
        await PollAsync(() => client.GetFromJsonAsync<JsonElement>("/api/v1/reviews/R-1"), r => r.GetProperty("status").GetString() == "Ready");
        var package = await client.GetAsync("/api/v1/reviews/R-1/packages/T-SS");
        var sent = await client.PostAsJsonAsync("/api/v1/reviews/R-1/sent", new { on = Recently });
        var review = await PollAsync(() => client.GetFromJsonAsync<JsonElement>("/api/v1/reviews/R-1"), r => r.GetProperty("status").GetString() == "Sent");

        Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownTicket.StatusCode);
        Assert.Equal("application/zip", package.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await package.Content.ReadAsStreamAsync());
        Assert.Contains(zip.Entries, e => e.FullName == "case-notes.txt");
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal("Sent", review.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints_without_a_key()
    {
        using var anonymous = _host.Client(null);

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json");

        // Every versioned route the host maps, in OpenAPI's form ("{name}" without constraints), is documented.
        var paths = document.GetProperty("paths");
        var routes = _host.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => "/" + string.Join("/", e.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                _ => part.ToString(),
            })))))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains("/api/v1/tickets/{ticketNumber}/iwps/{iwpId}/amendments", routes);
        Assert.All(routes, route => Assert.True(paths.TryGetProperty(route, out _), $"{route} is not in the OpenAPI document"));
    }
}
