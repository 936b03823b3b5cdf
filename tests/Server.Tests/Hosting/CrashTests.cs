using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Api.Security;
using Xunit.Abstractions;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Server.Tests.Hosting;

/// <summary>
/// The server killed with SIGKILL while keyed requests are in flight, then started again on the same data: its
/// Azurite dies with it, and every request, retried with its key, is recorded exactly once.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Requests = 80;

    [Fact]
    public async Task After_a_SIGKILL_with_keyed_requests_in_flight_every_request_retried_with_its_key_is_recorded_exactly_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tfcrash{Guid.NewGuid():N}"[..20]);
        var (http, blob, table) = (ServerProcess.FreePort(), ServerProcess.FreePort(), ServerProcess.FreePort());
        string[] settings = ["--Api:IdempotencyLease=00:00:02", "--Durable:LeaseDuration=00:00:03"];
        var recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
        try
        {
            var firstAnswers = new Dictionary<string, int>();
            int azurite;
            string key;
            await using (var first = await ServerProcess.StartAsync(folder, http, blob, table, settings))
            {
                key = (await File.ReadAllTextAsync(Path.Combine(folder, "first-api-key.txt"))).Trim();
                using var client = Client(first.BaseAddress, key);
                await ApiScenario.AssignAsync(client, "K-1", recently);
                azurite = first.AzuriteProcessId;

                var done = 0;
                var inFlight = Enumerable.Range(0, Requests).Select(async i =>
                {
                    try
                    {
                        using var response = await client.SendAsync(Contact(i, recently));
                        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return "no answer";
                    }
                    finally
                    {
                        Interlocked.Increment(ref done);
                    }
                }).ToArray();

                // Killed while a good part of them is still being processed.
                var clock = Stopwatch.StartNew();
                while (Volatile.Read(ref done) < Requests / 4 && clock.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(5);
                }

                first.Kill();
                foreach (var answer in await Task.WhenAll(inFlight))
                {
                    firstAnswers[answer] = firstAnswers.GetValueOrDefault(answer) + 1;
                }

                // Its Azurite does not outlive it.
                await ApiScenario.UntilAsync(() => Task.FromResult(!ServerProcess.IsAlive(azurite)), TimeSpan.FromSeconds(20));
            }

            var retries = new Dictionary<string, int>();
            await using var second = await ServerProcess.StartAsync(folder, http, blob, table, settings);
            Assert.NotEqual(azurite, second.AzuriteProcessId);
            using var again = Client(second.BaseAddress, key);
            var retryClock = Stopwatch.StartNew();
            for (var i = 0; i < Requests; i++)
            {
                while (true)
                {
                    using var response = await again.SendAsync(Contact(i, recently));
                    var status = (int)response.StatusCode;
                    retries[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = retries.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) + 1;
                    if (status == 202)
                    {
                        break;
                    }

                    // 409 "in progress" only while the dead server's claim lasts; the lease is 2 s.
                    Assert.True(status == 409, $"request {i} answered {status}: {await response.Content.ReadAsStringAsync()}");
                    Assert.True(retryClock.Elapsed < TimeSpan.FromSeconds(60), $"request {i} still in progress after {retryClock.Elapsed}");
                    await Task.Delay(100);
                }
            }

            var notes = await ApiScenario.PollAsync(() => again.GetFromJsonAsync<JsonElement[]>("/api/v1/tickets/K-1/case-notes"), n => n.Length >= Requests);
            var recorded = notes.Select(n => n.GetProperty("notes").GetString()!).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"requests sent: {Requests}; first answers before and at the kill: {Describe(firstAnswers)}");
            output.WriteLine($"retries after the restart: {Describe(retries)} in {retryClock.Elapsed.TotalSeconds:0.0} s");
            output.WriteLine($"recorded: {notes.Length} case notes for {Requests} requests; distinct: {recorded.Count}; recorded twice: {recorded.Count(r => r.Value > 1)}");
            Assert.Equal(Requests, notes.Length);
            Assert.All(Enumerable.Range(0, Requests), i => Assert.Equal(1, recorded.GetValueOrDefault(Marker(i))));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Marker(int i) => $"crash contact {i}";

    private static HttpRequestMessage Contact(int i, DateOnly on) => new(HttpMethod.Post, "/api/v1/tickets/K-1/contacts")
    {
        Content = ApiScenario.Json($$"""{"on":"{{on:yyyy-MM-dd}}","method":"Phone","staffId":"s1","twoWay":false,"notes":"{{Marker(i)}}"}"""),
        Headers = { { "Idempotency-Key", $"crash-{i}" } },
    };

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    private static string Describe(Dictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));
}
