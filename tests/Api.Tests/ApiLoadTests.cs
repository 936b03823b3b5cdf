using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketFlow.Testing.Fixtures;
using Xunit.Abstractions;
using static TicketFlow.Testing.Hosts.ApiScenario;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

/// <summary>
/// Bounded load runs on loopback against the real host on Azurite: requests are started on schedule at a steady
/// offered rate for a few seconds (open loop: a slow answer does not slow the sender), then requests per second and
/// p50/p99 latency are printed. Every request must succeed, and the records each one promised must all be written.
/// TICKETFLOW_LOAD_CONTACT_RATE and TICKETFLOW_LOAD_IWP_RATE change the offered rates (requests per second), and
/// TICKETFLOW_LOAD_SECONDS how long each run offers them (5 s by default). For attaching a profiler to the load
/// phase only, TICKETFLOW_LOAD_MARK names a file that is written when each run's measured phase starts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiLoadTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // Unmeasured traffic first, at up to 100 requests a second for two seconds, so the figures leave out the first
    // compilations of the path. The runtime still compiles during the measured run: with the hosts' settings
    // (Directory.Build.props) a trace showed about 100 methods a second, against 300 to 500 with the runtime's defaults.
    private const int WarmUpRate = 100;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    // As a load generator holds a fixed pool: an overloaded host's answers queue here (and count in the latency, which
    // is timed from each request's scheduled start) instead of opening a socket per waiting request until the process
    // runs out of file descriptors.
    private const int Connections = 256;
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(Rate("TICKETFLOW_LOAD_SECONDS", 5));
    private static readonly DateOnly Recently = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);

    [Fact]
    public async Task Contact_logging_holds_a_steady_rate_and_every_case_note_is_written()
    {
        const int tickets = 20;
        var rate = Rate("TICKETFLOW_LOAD_CONTACT_RATE", 500);
        await using var host = await ApiHost.StartAsync(azurite, "--Api:Security:RequestsPerWindow=1000000");
        using var client = host.Client(host.FirstEnKey, Connections);
        for (var t = 0; t < tickets; t++)
        {
            await AssignAsync(client, $"L-{t}", Recently);
        }

        var body = $$"""{"on":"{{Recently:yyyy-MM-dd}}","method":"Phone","staffId":"s1","twoWay":true,"notes":"Weekly check-in: job search going well."}""";
        var run = await RunAsync(rate, async i =>
        {
            using var response = await client.PostAsync($"/api/v1/tickets/L-{Math.Abs(i) % tickets}/contacts", Json(body));
            return response.StatusCode == HttpStatusCode.Accepted;
        });
        Report("contact logging", rate, run);

        // The answer promised each case note: all of them must be written, and how long that took is reported too.
        var drain = Stopwatch.StartNew();
        await UntilAsync(async () =>
        {
            var written = 0;
            for (var t = 0; t < tickets; t++)
            {
                written += (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/tickets/L-{t}/case-notes"))!.Length;
            }

            return written == run.Sent + run.WarmedUp;
        }, TimeSpan.FromMinutes(3));
        output.WriteLine($"all {run.Sent + run.WarmedUp} case notes (with the warm-up's) written {drain.Elapsed.TotalSeconds:F1} s after the last answer");
        Assert.Equal(0, run.Failed);
    }

    [Fact]
    public async Task Iwp_submission_holds_a_steady_rate()
    {
        var rate = Rate("TICKETFLOW_LOAD_IWP_RATE", 40);
        var tickets = (int)(rate * RunFor.TotalSeconds) + rate + WarmUpCount(rate);
        await using var host = await ApiHost.StartAsync(azurite, "--Api:Security:RequestsPerWindow=1000000");
        using var client = host.Client(host.FirstEnKey, Connections);
        for (var t = 0; t < tickets; t++)
        {
            using var registered = await client.PostAsync("/api/v1/tickets", Json($$$"""{"ticketNumber":"W-{{{t}}}","ticketholder":{"id":"th-w{{{t}}}","name":"Jordan"}}"""));
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var iwp = SampleIwp(Recently);
        var run = await RunAsync(rate, async i =>
        {
            using var response = await client.PostAsync($"/api/v1/tickets/W-{(i < 0 ? tickets + i : i)}/iwps", Json(iwp));
            return response.StatusCode == HttpStatusCode.Accepted;
        });
        Report("IWP submission", rate, run);
        Assert.Equal(0, run.Failed);
    }

    private static int Rate(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate > 0 ? rate : fallback;

    private static int WarmUpCount(int perSecond) => (int)(Math.Min(perSecond, WarmUpRate) * WarmUp.TotalSeconds) + 1;

    /// <summary>The warm-up (requests numbered -1, -2, ...), then the measured run (0, 1, ...).</summary>
    private static async Task<LoadRun> RunAsync(int perSecond, Func<int, Task<bool>> send)
    {
        var warmUp = await OfferAsync(Math.Min(perSecond, WarmUpRate), WarmUp, i => send(-1 - i));
        Assert.True(warmUp.Failed == 0, $"{warmUp.Failed} warm-up requests failed");
        Assert.True(warmUp.Sent <= WarmUpCount(perSecond));
        if (Environment.GetEnvironmentVariable("TICKETFLOW_LOAD_MARK") is { Length: > 0 } mark)
        {
            await File.WriteAllTextAsync(mark, $"{Environment.ProcessId}");
        }

        return await OfferAsync(perSecond, RunFor, send) with { WarmedUp = warmUp.Sent };
    }

    private static async Task<LoadRun> OfferAsync(int perSecond, TimeSpan runFor, Func<int, Task<bool>> send)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failed = 0;
        var sent = 0;
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        while (clock.Elapsed < runFor)
        {
            for (var due = (int)(clock.Elapsed.TotalSeconds * perSecond); sent < due; sent++)
            {
                var i = sent;
                inFlight.Add(Task.Run(async () =>
                {
                    // Timed from when the request was due, not from when a thread got to send it: a busy client's delay
                    // is latency the caller would see too (no coordinated omission).
                    var due = start + (long)((i + 1.0) / perSecond * Stopwatch.Frequency); // request i is due once i + 1 are
                    var ok = await send(i);
                    latencies.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                    if (!ok)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }));
            }

            await Task.Delay(2);
        }

        await Task.WhenAll(inFlight);
        return new LoadRun(sent, failed, clock.Elapsed, [.. latencies.Order()]);
    }

    private void Report(string what, int offered, LoadRun run)
    {
        double Percentile(double p) => run.Latencies[Math.Min(run.Latencies.Length - 1, (int)Math.Ceiling(p * run.Latencies.Length) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {run.Sent} requests in {run.Elapsed.TotalSeconds:F1} s = {run.Sent / run.Elapsed.TotalSeconds:F0} requests/s (offered {offered}/s); " +
            $"p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms, max {run.Latencies[^1]:F1} ms; {run.Failed} failed"));
        Assert.Equal(run.Sent, run.Latencies.Length);
    }

    private sealed record LoadRun(int Sent, int Failed, TimeSpan Elapsed, double[] Latencies)
    {
        /// <summary>The warm-up's requests before the measured ones (their records are written too).</summary>
        public int WarmedUp { get; init; }
    }
}
