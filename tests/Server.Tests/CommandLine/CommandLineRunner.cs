using System.Text.Json.Nodes;
using TicketFlow.Server.CommandLine;

namespace TicketFlow.Server.Tests.CommandLine;

/// <summary>Runs the command line through its entry point with captured output and a fixed clock.</summary>
internal static class CommandLineRunner
{
    /// <summary>"Today" for the tests: 2025-07-01 in New York.</summary>
    public static readonly DateTimeOffset Now = new(2025, 7, 1, 12, 0, 0, TimeSpan.FromHours(-4));

    public static string RepositoryRoot { get; } = FindRoot();

    public static string SamplePath => Path.Combine(RepositoryRoot, "samples", "iwp.json");

    public static async Task<Result> Run(params string[] args) => await RunAt(Now, args);

    public static async Task<Result> RunAt(DateTimeOffset now, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await TicketFlowCommandLine.RunAsync(args, output, error, new FixedTimeProvider(now));
        return new Result(exit, output.ToString(), error.ToString());
    }

    /// <summary>Writes the sample IWP with one member changed (slash path; null JSON removes it) to a temporary file.</summary>
    public static TempFile SampleWith(string path, string? json)
    {
        var root = JsonNode.Parse(File.ReadAllText(SamplePath))!;
        var segments = path.Trim('/').Split('/');
        var parent = segments[..^1].Aggregate(root, (node, s) => int.TryParse(s, out var i) ? node[i]! : node[s]!);
        if (json is null) parent.AsObject().Remove(segments[^1]);
        else parent[segments[^1]] = JsonNode.Parse(json);
        return TempFile.WithText(root.ToJsonString());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketFlow.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("TicketFlow.sln not found above " + AppContext.BaseDirectory);
    }

    internal sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    internal sealed class TempFile : IDisposable
    {
        private TempFile(string path) => Path = path;

        public string Path { get; }

        public static TempFile WithText(string text)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ticketflow-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, text);
            return new TempFile(path);
        }

        public void Dispose() => File.Delete(Path);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
