using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Functions.Tests.Fixtures;

namespace TicketFlow.Functions.Tests.Api.Security;

[Collection(AzuriteCollection.Name)]
public sealed class RateLimitTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_caller_over_its_rate_gets_429_with_retry_after_and_other_callers_are_not_held_back()
    {
        await using var host = await ApiHost.StartAsync(azurite, "--Api:Security:RequestsPerWindow=3", "--Api:Security:RateWindow=01:00:00");
        using var first = host.Client(host.FirstEnKey);
        using var second = host.Client(host.SecondEnKey);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await first.GetAsync("/api/v1/deadlines");
            answers.Add(response.StatusCode);
        }

        using var limited = await first.GetAsync("/api/v1/deadlines");
        using var other = await second.GetAsync("/api/v1/deadlines");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 3500, 3600);
        Assert.Equal("Rate limit exceeded", (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
