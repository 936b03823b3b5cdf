using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TicketFlow.Infrastructure.Storage;

/// <summary>
/// Starts Azurite (the npm package pinned in package.json, installed under node_modules) for the Blob and Table
/// services on loopback ports, waits until both accept connections, and stops it when disposed. Used by the test
/// fixture (in memory, free ports) and by the main-job command when no storage account is configured (data under
/// the data folder, persistent).
/// </summary>
public sealed class AzuriteLauncher : IAsyncDisposable
{
    /// <summary>The account name of Azurite's well-known development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The key of Azurite's well-known development account (published; not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private AzuriteLauncher(Process process, StringBuilder output, int blobPort, int tablePort)
    {
        _process = process;
        _output = output;
        BlobEndpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{blobPort}/{DevelopmentAccountName}"));
        TableEndpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{tablePort}/{DevelopmentAccountName}"));
    }

    /// <summary>The Blob service endpoint (path-style, account in the first segment).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The Table service endpoint (path-style, account in the first segment).</summary>
    public Uri TableEndpoint { get; }

    /// <summary>A storage connection string for this instance (the development account, path-style endpoints).</summary>
    public string ConnectionString => DevelopmentConnectionString(TableEndpoint, BlobEndpoint);

    /// <summary>The process id, for diagnostics.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts Azurite and waits until the Blob and Table services accept connections.</summary>
    /// <param name="options">Ports, data folder and where to find the checkout.</param>
    /// <param name="cancellationToken">Cancels the wait (the process is then stopped).</param>
    /// <returns>The running instance; dispose it to stop Azurite.</returns>
    /// <exception cref="InvalidOperationException">Node.js or the azurite package is missing, or Azurite did not start; the message says what to do.</exception>
    public static async Task<AzuriteLauncher> StartAsync(AzuriteLaunchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.RepositoryRoot ?? FindRepositoryRoot(AppContext.BaseDirectory)
            ?? FindRepositoryRoot(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException("Cannot find the TicketFlow checkout (TicketFlow.sln) to start Azurite from; set Storage:RepositoryRoot or configure a storage account.");
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} is missing). Run `npm ci` in {root}, or configure a storage account.");
        }

        var blobPort = options.BlobPort == 0 ? FreePort() : options.BlobPort;
        var tablePort = options.TablePort == 0 ? FreePort() : options.TablePort;
        var queuePort = FreePort(); // Azurite always starts a queue service; TicketFlow does not use it.
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in options.NodeArguments)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in new[]
        {
            // No --skipApiVersionCheck: the Blob client pins a version Azurite knows (StorageServiceCollectionExtensions.BlobServiceVersion),
            // so a client that drifts past it fails here as it would against a user's own Azurite.
            script, "--silent", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (options.DataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            var location = Path.GetFullPath(Path.Combine(options.DataFolder, "azurite"));
            Directory.CreateDirectory(location);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Could not start Azurite: Node.js (`node`) is not on the PATH.", e);
        }

        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var launcher = new AzuriteLauncher(process, output, blobPort, tablePort);
        try
        {
            await launcher.WaitUntilListeningAsync([blobPort, tablePort], options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await launcher.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return launcher;
    }

    /// <summary>The connection string of the development account on the given Azurite endpoints.</summary>
    /// <param name="tableEndpoint">The Table endpoint, with the account in its path.</param>
    /// <param name="blobEndpoint">The Blob endpoint, with the account in its path.</param>
    /// <returns>The connection string.</returns>
    public static string DevelopmentConnectionString(Uri tableEndpoint, Uri blobEndpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint={blobEndpoint};TableEndpoint={tableEndpoint};";

    /// <summary>Walks up from <paramref name="startDirectory"/> to the folder holding TicketFlow.sln.</summary>
    /// <param name="startDirectory">Where to start.</param>
    /// <returns>The folder, or null when there is none.</returns>
    public static string? FindRepositoryRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketFlow.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// Stops Azurite: asks it to shut down (SIGINT, so it saves its database to the data folder), waits up to 10 s,
    /// then kills it (and any child process) if it is still running.
    /// </summary>
    /// <returns>A task that completes when the process has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited && !OperatingSystem.IsWindows())
            {
                using var interrupt = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
                if (interrupt is not null)
                {
                    await interrupt.WaitForExitAsync().ConfigureAwait(false);
                }

                using var graceful = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(graceful.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Did not stop in time: killed below.
                }
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No `kill` command: fall back to killing the process.
            _process.Kill(entireProcessTree: true);
        }
        catch (OperationCanceledException)
        {
            // It did not exit in time; nothing more to do from here.
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(int[] ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Waiting for a child process to open its ports is real time by nature (no virtual clock applies).
        var stopwatch = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening: {Output()}");
                }

                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (SocketException) when (stopwatch.Elapsed < timeout)
                {
                    await Task.Delay(100, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException e)
                {
                    throw new InvalidOperationException($"Azurite did not listen on port {port} within {timeout.TotalSeconds:0} s: {Output()}", e);
                }
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
