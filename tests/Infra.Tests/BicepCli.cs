using System.Diagnostics;
using System.Reflection;

namespace TicketFlow.Infra.Tests;

/// <summary>
/// Runs the Bicep CLI that restore downloaded (NuGet Azure.Bicep.CommandLine.linux-x64, see the project file): no
/// network, no Azure CLI. Every run has a time limit, so a hung compiler fails the test instead of the CI run.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>The bicep binary in the NuGet package folder, made executable if the package was unpacked without the bit.</summary>
    public static string Path { get; } = Locate();

    /// <summary>Runs bicep with the arguments; returns its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Path} did not start.");
        using var timeout = new CancellationTokenSource(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Limit}.");
        }

        return (process.ExitCode, await output, await errors);
    }

    private static string Locate()
    {
        var package = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepCli").Value!;
        var binary = System.IO.Path.Combine(package, "tools", "bicep");
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {binary}; restore tests/Infra.Tests (PackageDownload Azure.Bicep.CommandLine.linux-x64).", binary);
        }

        // NuGet does not promise to keep the file's execute bit when it unpacks a package.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(binary);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(binary, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return binary;
    }
}
