using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests.Security;

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

    [Fact]
    public async Task A_flood_of_garbage_keys_is_limited_per_address_and_never_starves_health_openapi_the_webhook_or_a_valid_key()
    {
        await using var host = await ApiHost.StartAsync(azurite, "--Api:Security:AnonymousRequestsPerWindow=50", "--Api:Security:RateWindow=01:00:00");
        using var garbage = host.Client("garbage-key");
        using var anonymous = host.Client(null);
        using var valid = host.Client(host.FirstEnKey);

        var flood = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 1250; i++)
        {
            using var response = await garbage.GetAsync("/api/v1/deadlines");
            flood[response.StatusCode] = flood.GetValueOrDefault(response.StatusCode) + 1;
        }

        using var live = await anonymous.GetAsync("/api/health/live");
        using var ready = await anonymous.GetAsync("/api/health/ready");
        using var openApi = await anonymous.GetAsync("/api/openapi/v1.json");
        using var webhook = await anonymous.PostAsync("/webhooks/sendgrid/events", new StringContent("[]", System.Text.Encoding.UTF8, "application/json"));
        using var withKey = await valid.GetAsync("/api/v1/deadlines");

        Assert.Equal(50, flood[HttpStatusCode.Unauthorized]);
        Assert.Equal(1200, flood[HttpStatusCode.TooManyRequests]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, webhook.StatusCode); // refused for its missing signature, not for the flood
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }
}
