using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Testing.Fixtures;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

/// <summary>
/// Every endpoint the host maps, called by a second EN with the first EN's ids: none answers 2xx for the other EN's
/// record, none answers with its data, and nothing of the first EN's changes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TenantIsolationTests(AzuriteFixture azurite)
{
    private const string Secret = "Secret";

    [Fact]
    public async Task No_endpoint_lets_another_en_read_or_change_an_ens_records()
    {
        await using var host = await ApiHost.StartAsync(azurite);
        using var owner = host.Client(host.FirstEnKey);
        using var other = host.Client(host.SecondEnKey);
        var recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        await AssignAsync(owner, "T-ISO", recently, ticketholderName: $"{Secret} Person");
        using var contact = await owner.PostAsync("/api/v1/tickets/T-ISO/contacts",
            Json($$"""{"on":"{{recently:yyyy-MM-dd}}","method":"Phone","staffId":"s1","twoWay":true,"notes":"{{Secret}} note"}"""));
        var noteId = (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("noteId").GetString()!;
        using var dispute = await owner.PostAsync("/api/v1/disputes", DisputeForm("D-ISO", $"{recently:yyyy-MM-dd}", issues: $"{Secret} issue"));
        using var review = await owner.PostAsJsonAsync("/api/v1/reviews", new { reviewId = "R-ISO", receivedOn = recently, dueOn = recently.AddDays(30), ticketNumbers = new[] { "T-ISO" } });
        Assert.All(new[] { contact, dispute, review }, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await UntilAsync(async () => (await owner.GetAsync($"/api/v1/tickets/T-ISO/case-notes/{noteId}")).IsSuccessStatusCode);
        var iwpId = (await owner.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/T-ISO/iwps"))![0].GetProperty("iwpId").GetString()!;
        var month = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using (var earnings = await owner.PostAsync("/api/v1/tickets/T-ISO/earnings", Json($$"""{"month":"{{month}}","grossAmount":1500,"source":"PayStub","staffId":"s1"}""")))
            Assert.Equal(HttpStatusCode.Created, earnings.StatusCode);
        var ids = new Dictionary<string, string>
        {
            ["ticketNumber"] = "T-ISO", ["iwpId"] = iwpId, ["noteId"] = noteId, ["disputeId"] = "D-ISO", ["reviewId"] = "R-ISO",
            ["instanceId"] = "ticket:P00001:T-ISO", ["pid"] = "P00001", ["keyId"] = "0123456789abcdef", ["month"] = month, ["staffId"] = "s1",
        };

        var calls = 0;
        foreach (var (method, pattern) in Routes(host))
        {
            var path = "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
            {
                RoutePatternParameterPart parameter => Uri.EscapeDataString(ids[parameter.Name]),
                RoutePatternLiteralPart literal => literal.Content,
                _ => throw new InvalidOperationException($"unexpected route part in {pattern.RawText}"),
            }))));
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "POST" or "PUT" ? Json("{}") : null };
            using var response = await other.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            calls++;

            Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            if (pattern.Parameters.Count > 0)
            {
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden,
                    $"{method} {path} answered another EN {(int)response.StatusCode}: {body}");
            }
            else
            {
                Assert.DoesNotContain("T-ISO", body, StringComparison.Ordinal);
                Assert.DoesNotContain("D-ISO", body, StringComparison.Ordinal);
            }
        }

        Assert.True(calls >= 25, $"only {calls} endpoints were tried");
        Assert.Single((await owner.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/T-ISO/case-notes"))!);
        Assert.Single((await owner.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/T-ISO/iwps"))!);
        Assert.Equal("Running", (await owner.GetFromJsonAsync<JsonElement>("/api/v1/instances/ticket:P00001:T-ISO")).GetProperty("runtimeStatus").GetString());
    }

    private static IEnumerable<(string Method, RoutePattern Pattern)> Routes(ApiHost host) =>
        host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern)))
            .Distinct();
}
