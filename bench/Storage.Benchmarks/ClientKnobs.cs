using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Infrastructure.Storage.Tables;

/// <summary>
/// `--knobs [rounds]`: single writes and point reads through Table clients that differ in one client setting each,
/// interleaved in one process against one Azurite (blocks of 50 writes and 50 reads per variant per round, the
/// variants' order rotated every round), so a shared machine's changing load falls on every variant alike. Prints one
/// JSON line per variant: medians over the rounds of wall-clock and client/Azurite CPU microseconds per operation, and
/// the wall-clock relative to "host" (the clients AddStorageServices registers). Variants marked probe are not
/// settings anyone should ship: they rewrite the request on its way out only to measure what a request difference
/// costs Azurite.
/// </summary>
internal static class ClientKnobs
{
    private const int Block = 50;

    public static async Task<int> RunAsync(AzuriteLauncher azurite, int rounds)
    {
        var variants = new (string Name, Dictionary<string, string?> Settings, Action<TableClientOptions>? Configure)[]
        {
            ("host", [], null),
            ("sdkRequestLogging", new() { ["Storage:SdkRequestLogging"] = "true" }, null),
            ("noDistributedTracing", [], o => o.Diagnostics.IsDistributedTracingEnabled = false),
            ("noTelemetryHeader", [], o => o.Diagnostics.IsTelemetryEnabled = false),
            ("ownSocketsHandler", [], o => o.Transport = new HttpClientTransport(new HttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                UseProxy = false,
            }))),
            ("probe:no$format", [], o => o.AddPolicy(new RewriteRequest(StripFormat: true, Version: null), HttpPipelinePosition.BeforeTransport)),
            ("probe:version2019", [], o => o.AddPolicy(new RewriteRequest(StripFormat: false, Version: "2019-02-02"), HttpPipelinePosition.BeforeTransport)),
        };

        var providers = new List<ServiceProvider>();
        var tables = new List<TableClient>();
        foreach (var (name, settings, configure) in variants)
        {
            settings["Storage:ConnectionString"] = azurite.ConnectionString;
            var services = new ServiceCollection()
                .AddLogging(logging => logging.AddFilter("Azure", LogLevel.Error))
                .AddStorageServices(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            if (configure is not null)
            {
                services.ConfigureAll(configure);
            }

            var provider = services.BuildServiceProvider(validateScopes: true);
            providers.Add(provider);
            var table = provider.GetRequiredService<TableServiceClient>().GetTableClient("benchknobs");
            await table.CreateIfNotExistsAsync();
            tables.Add(table);
        }

        var server = Process.GetProcessById(azurite.ProcessId);
        var client = Process.GetCurrentProcess();
        var samples = variants.Select(_ => new List<(double Write, double Read, double ClientCpu, double ServerCpu)>()).ToArray();

        // Round 0 warms every variant up (JIT, tiering, its connection) and is not counted.
        for (var round = 0; round <= rounds; round++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var v = (k + round) % variants.Length;
                var table = tables[v];
                var partition = string.Create(CultureInfo.InvariantCulture, $"v{v}-r{round}");
                client.Refresh();
                server.Refresh();
                var clientCpu = client.TotalProcessorTime;
                var serverCpu = server.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                for (var i = 0; i < Block; i++)
                {
                    await table.AddEntityAsync(Record(partition, i));
                }

                var writes = stopwatch.Elapsed;
                for (var i = 0; i < Block; i++)
                {
                    _ = await table.GetEntityAsync<TableEntity>(partition, Key(i));
                }

                var reads = stopwatch.Elapsed - writes;
                client.Refresh();
                server.Refresh();
                if (round > 0)
                {
                    samples[v].Add((
                        writes.TotalMicroseconds / Block,
                        reads.TotalMicroseconds / Block,
                        (client.TotalProcessorTime - clientCpu).TotalMicroseconds / (2 * Block),
                        (server.TotalProcessorTime - serverCpu).TotalMicroseconds / (2 * Block)));
                }
            }
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var hostWrite = Median(samples[0].Select(s => s.Write));
        var hostRead = Median(samples[0].Select(s => s.Read));
        for (var v = 0; v < variants.Length; v++)
        {
            var write = Median(samples[v].Select(s => s.Write));
            var read = Median(samples[v].Select(s => s.Read));
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                variant = variants[v].Name,
                rounds,
                writeMicroseconds = Math.Round(write),
                readMicroseconds = Math.Round(read),
                writeVsHostPercent = Math.Round(100 * write / hostWrite, 1),
                readVsHostPercent = Math.Round(100 * read / hostRead, 1),
                clientCpuMicrosecondsPerOperation = Math.Round(Median(samples[v].Select(s => s.ClientCpu))),
                azuriteCpuMicrosecondsPerOperation = Math.Round(Median(samples[v].Select(s => s.ServerCpu))),
            }));
        }

        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        return 0;
    }

    private static string Key(int i) => TableKeys.Create(i.ToString("D7", CultureInfo.InvariantCulture));

    private static TableEntity Record(string partition, int i) => new(partition, Key(i))
    {
        ["Method"] = "phone",
        ["TwoWay"] = i % 2 == 0,
        ["AttemptedOn"] = "2026-03-02",
        ["Notes"] = "Discussed the IWP's short-term goal and the next contact date.",
        ["Sequence"] = (long)i,
    };

    /// <summary>A probe, not a setting: rewrites the signed request as the hand-written client sent it (no $format query, x-ms-version 2019-02-02); neither is in the Shared Key Lite signature.</summary>
    private sealed class RewriteRequest(bool StripFormat, string? Version) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (StripFormat)
            {
                var uri = message.Request.Uri.ToUri();
                var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("$format=", StringComparison.Ordinal)));
                message.Request.Uri.Reset(new Uri(uri.GetLeftPart(UriPartial.Path) + (query.Length == 0 ? string.Empty : "?" + query)));
            }

            if (Version is not null)
            {
                message.Request.Headers.SetValue("x-ms-version", Version);
            }
        }
    }
}
