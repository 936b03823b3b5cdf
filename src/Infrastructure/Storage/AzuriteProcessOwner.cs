using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TicketFlow.Infrastructure.Storage;

/// <summary>
/// Makes the Azurite this host starts its own. It dies with the host, even one killed with SIGKILL: a watchdog loaded
/// into Azurite's node process (<c>--require</c>) stops it as soon as the host's process is gone. A stale Azurite
/// (or anything else) already holding the configured ports is detected and named before starting, instead of
/// being mistaken for the new one. And the data folder is never shared by two hosts: it is locked for as long as this
/// host's Azurite runs (the lock is the kernel's, so it goes with the process however that ends), and the lock's
/// companion file names the holder.
/// </summary>
public sealed class AzuriteProcessOwner : IDisposable
{
    /// <summary>The environment variable that tells the watchdog which process owns this Azurite.</summary>
    public const string OwnerPidVariable = "TICKETFLOW_OWNER_PID";

    private const string LockFileName = "azurite.lock";
    private const string OwnerFileName = "azurite.owner";

    // The watchdog: when the owner is gone (it no longer exists, or node was handed to another parent), Azurite is
    // asked to shut down as on Ctrl+C (SIGINT, so it saves its database), and made to exit if it has not in 10 s.
    private const string Watchdog = """
        // Written by TicketFlow (Hosting/AzuriteProcessOwner): stops this Azurite when the TicketFlow host that started it is gone.
        'use strict';
        const owner = Number(process.env.TICKETFLOW_OWNER_PID);
        const parent = process.ppid;
        if (owner > 0) {
          const timer = setInterval(() => {
            let gone = process.ppid !== parent;
            try { process.kill(owner, 0); } catch (e) { if (e.code === 'ESRCH') { gone = true; } }
            if (gone) {
              clearInterval(timer);
              process.kill(process.pid, 'SIGINT');
              setTimeout(() => process.exit(0), 10000).unref();
            }
          }, 250);
          timer.unref();
        }
        """;

    private FileStream? _lock;
    private string? _ownerFile;

    /// <summary>The Azurite process this host started, once started.</summary>
    public int? AzuriteProcessId { get; private set; }

    /// <summary>
    /// Locks the data folder, checks the ports are free, and starts Azurite with the watchdog.
    /// </summary>
    /// <param name="options">How to start Azurite (the watchdog is added to them).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running Azurite; dispose it, then this owner.</returns>
    /// <exception cref="InvalidOperationException">The data folder is in use or a port is held; the message names the holder.</exception>
    public async Task<AzuriteLauncher> StartAsync(AzuriteLaunchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DataFolder is not null)
        {
            var folder = Path.GetFullPath(options.DataFolder);
            Directory.CreateDirectory(folder);
            Lock(folder);
            var watchdog = Path.Combine(folder, "azurite-watchdog.js");
            if (!File.Exists(watchdog) || await File.ReadAllTextAsync(watchdog, cancellationToken) != Watchdog)
            {
                await File.WriteAllTextAsync(watchdog, Watchdog, cancellationToken);
            }

            options.NodeArguments.Add("--require");
            options.NodeArguments.Add(watchdog);
        }

        options.Environment[OwnerPidVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var (port, service) in new[] { (options.BlobPort, "Blob"), (options.TablePort, "Table") })
        {
            if (port != 0 && HeldBy(port) is { } holder)
            {
                Dispose();
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"Port {port} for Azurite's {service} service is already in use{holder}. A stale Azurite from an earlier run? Stop it, or set Storage:Azurite{service}Port to a free port."));
            }
        }

        AzuriteLauncher azurite;
        try
        {
            azurite = await AzuriteLauncher.StartAsync(options, cancellationToken);
        }
        catch
        {
            Dispose();
            throw;
        }

        AzuriteProcessId = azurite.ProcessId;
        if (_ownerFile is not null)
        {
            await File.WriteAllTextAsync(_ownerFile, string.Create(CultureInfo.InvariantCulture,
                $"TicketFlow process {Environment.ProcessId} (Azurite process {azurite.ProcessId}), since {DateTimeOffset.UtcNow:O}\n"), cancellationToken);
        }

        return azurite;
    }

    /// <summary>Releases the data folder (after Azurite was stopped).</summary>
    public void Dispose()
    {
        if (_ownerFile is not null && File.Exists(_ownerFile))
        {
            File.Delete(_ownerFile);
        }

        _ownerFile = null;
        _lock?.Dispose();
        _lock = null;
    }

    /// <summary>Who listens on a loopback port: " by process N (command line)", " by another process", or null when it is free.</summary>
    /// <param name="port">The port.</param>
    /// <returns>The description, or null.</returns>
    public static string? HeldBy(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Server.ExclusiveAddressUse = true;
            probe.Start();
            probe.Stop();
            return null;
        }
        catch (SocketException)
        {
            return ListenerProcess(port) is { } pid
                ? string.Create(CultureInfo.InvariantCulture, $" by process {pid} ({CommandLine(pid)})")
                : " by another process";
        }
    }

    private void Lock(string folder)
    {
        var lockFile = Path.Combine(folder, LockFileName);
        var ownerFile = Path.Combine(folder, OwnerFileName);
        try
        {
            // FileShare.None is an exclusive advisory lock on Unix (flock), released by the kernel when the process
            // ends however it ends, so a crashed host never leaves the folder locked.
            _lock = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var holder = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : "another TicketFlow host";
            throw new InvalidOperationException($"Azurite's data folder {folder} is in use by {holder}. Two hosts must not share one data folder: stop that one, or give this host its own Data:Folder and Storage:DataFolder.");
        }

        _ownerFile = ownerFile;
    }

    /// <summary>The process listening on the loopback port, from /proc (Linux only; null elsewhere or when not visible).</summary>
    private static int? ListenerProcess(int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == "0A" && fields[1].EndsWith(string.Create(CultureInfo.InvariantCulture, $":{port:X4}"), StringComparison.Ordinal))
                {
                    inodes.Add($"socket:[{fields[9]}]");
                }
            }
        }

        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target))
                    {
                        return pid;
                    }
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // Another user's process, or one that just ended.
            }
        }

        return null;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return text.Length > 200 ? text[..200] + "..." : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "command line not readable";
        }
    }
}
