using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace TicketFlow.Server.Tests.Hosting;

/// <summary>
/// TicketFlow's server as a separate process (<c>ticketflow serve</c>), as a user runs it: with the embedded Azurite it
/// starts and owns, on ports and a data folder the test chooses, so that it can be killed with SIGKILL and started
/// again on the same data.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly StringBuilder _error;

    private ServerProcess(Process process, StringBuilder output, StringBuilder error, Uri baseAddress, string dataFolder)
    {
        _process = process;
        _output = output;
        _error = error;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the server wrote to stderr alone.</summary>
    public string Error
    {
        get
        {
            lock (_output)
            {
                return _error.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>The Azurite process this server started, as its data folder's owner file names it.</summary>
    public int AzuriteProcessId =>
        int.Parse(AzuriteProcess().Match(File.ReadAllText(Path.Combine(DataFolder, "azurite.owner"))).Groups[1].Value, CultureInfo.InvariantCulture);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Processes (other than this test's) whose command line names <paramref name="folder"/>: an Azurite left on a server's data.</summary>
    public static IReadOnlyList<int> ProcessesNaming(string folder) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && CommandLine(pid).Contains(folder, StringComparison.Ordinal))
            .ToList();

    /// <summary>Starts the server and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(string dataFolder, int httpPort, int blobPort, int tablePort, params string[] settings)
    {
        var server = Launch(dataFolder, httpPort, blobPort, tablePort, settings);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>Starts the server without waiting for it (to see it fail to start, say).</summary>
    public static ServerProcess Launch(string dataFolder, int httpPort, int blobPort, int tablePort, params string[] settings)
    {
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataFolder, // no host.json there: the defaults
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ticketflow.dll"), "serve",
            "--urls", $"http://127.0.0.1:{httpPort}",
            $"--Data:Folder={dataFolder}",
            $"--Storage:DataFolder={dataFolder}",
            $"--Storage:AzuriteBlobPort={blobPort}",
            $"--Storage:AzuriteTablePort={tablePort}",
            $"--Email:OutboxFolder={Path.Combine(dataFolder, "outbox")}",
            "--Logging:LogLevel:Default=Warning",
        }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); error.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, output, error, new Uri($"http://127.0.0.1:{httpPort}"), dataFolder);
    }

    /// <summary>Sends a signal (TERM, INT) as a service manager or Ctrl+C would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, ProcessId.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to end (and its output to be read); false when it has not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var process = _process;
        var server = this;

        // Starting a process and its Azurite takes real time; poll readiness rather than sleep a fixed time.
        using var probe = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}: {server.Output}");
            }

            try
            {
                using var ready = await probe.GetAsync("/api/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                await server.DisposeAsync();
                throw new TimeoutException($"The server was not ready within 120 s: {server.Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Kills the server with SIGKILL: no shutdown code of its own runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    [GeneratedRegex(@"Azurite process (\d+)")]
    private static partial Regex AzuriteProcess();
}
