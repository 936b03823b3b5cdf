using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TicketFlow.Functions.Tests;

/// <summary>
/// <c>dotnet publish src/Functions</c> works offline and writes what the Functions host loads: functions.metadata with
/// every HTTP function, extensions.json naming the Durable extension, worker.config.json and host.json, the same
/// functions.metadata the build wrote (which <see cref="FunctionMetadataTests"/> reads). It publishes the build the
/// tests already made (<c>--no-build</c>, this test run's configuration), so CI compiles the app once; the publish
/// step itself (Worker.Sdk's metadata generation and copy) is what runs here.
/// </summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Publishing_the_app_writes_the_functions_metadata_the_build_wrote()
    {
        var output = Directory.CreateTempSubdirectory("ticketflow-functions-publish-");
        try
        {
            var project = Path.Combine(Testing.Hosts.ApiScenario.RepositoryRoot(), "src", "Functions", "TicketFlow.Functions.csproj");
            // bin/<configuration>/net10.0/: publish the configuration these tests were built in.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "--no-build", "-o", output.FullName, "--nologo", "-v", "q"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");

            var published = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "functions.metadata")))!.AsArray();
            var built = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray();
            Assert.Equal(Names(built), Names(published));
            Assert.Contains(Names(published), n => n.StartsWith("RegisterTicket|", StringComparison.Ordinal));
            Assert.Contains("DurableTask", await File.ReadAllTextAsync(Path.Combine(output.FullName, "extensions.json")), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output.FullName, "worker.config.json")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "host.json")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "TicketFlow.Functions.dll")));

            // The worker reaches optimized code soon after it starts taking traffic, as the server does (Directory.Build.props).
            var knobs = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "TicketFlow.Functions.runtimeconfig.json")))!["runtimeOptions"]!["configProperties"]!;
            Assert.Equal(0, (int)knobs["System.Runtime.TieredCompilation.CallCountingDelayMs"]!);
            Assert.False((bool)knobs["System.Runtime.TieredPGO"]!);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static List<string> Names(JsonArray functions) =>
        functions.Select(f => $"{f!["name"]}|{f["bindings"]!.ToJsonString()}").Order(StringComparer.Ordinal).ToList();
}
