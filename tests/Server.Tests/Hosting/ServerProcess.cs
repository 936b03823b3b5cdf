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

    private ServerProcess(Process process, StringBuilder output, Uri baseAddress, string dataFolder)
    {
        _process = process;
        _output = output;
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

    public static async Task<ServerProcess> StartAsync(string dataFolder, int httpPort, int blobPort, int tablePort, params string[] settings)
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
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, output, new Uri($"http://127.0.0.1:{httpPort}"), dataFolder);

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
                    return server;
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

    [GeneratedRegex(@"Azurite process (\d+)")]
    private static partial Regex AzuriteProcess();
}
