using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace TicketFlow.Server.Tests.Hosting;

/// <summary>
/// <c>ticketflow serve</c> as a process on its embedded defaults: it stops cleanly on a signal with the Azurite it
/// started, and a port already in use is one line on stderr and a non-zero exit, not a stack trace.
/// </summary>
public sealed class ServeLifecycleTests(ITestOutputHelper output) : IDisposable
{
    // ExitCodes.CannotStart.
    private const int CannotStart = 69;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"tfserve{Guid.NewGuid():N}"[..20]);

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task On_a_signal_serve_exits_0_within_seconds_and_stops_the_Azurite_it_started(string signal)
    {
        await using var server = await ServerProcess.StartAsync(_folder, ServerProcess.FreePort(), ServerProcess.FreePort(), ServerProcess.FreePort());
        var azurite = server.AzuriteProcessId;
        Assert.True(ServerProcess.IsAlive(azurite));

        var clock = Stopwatch.StartNew();
        await server.SignalAsync(signal);
        var exited = await server.WaitForExitAsync(TimeSpan.FromSeconds(15));
        output.WriteLine($"SIG{signal}: exited {exited} with {(exited ? server.ExitCode : -1)} after {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(exited, $"still running 15 s after SIG{signal}: {server.Output}");
        Assert.Equal(0, server.ExitCode);
        Assert.False(ServerProcess.IsAlive(azurite), $"Azurite {azurite} outlived the server");
        Assert.Empty(ServerProcess.ProcessesNaming(_folder));
        Assert.False(File.Exists(Path.Combine(_folder, "azurite.owner")), "the data folder still names an owner");
        Assert.Equal("", server.Error);
    }

    [Fact]
    public async Task With_its_HTTP_port_in_use_serve_says_so_in_one_line_on_stderr_and_exits_non_zero()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        await using var server = ServerProcess.Launch(_folder, port, ServerProcess.FreePort(), ServerProcess.FreePort());

        await AssertCannotStartAsync(server, $"127.0.0.1:{port}", "address already in use", "--urls or ASPNETCORE_URLS");
    }

    [Theory]
    [InlineData("Blob")]
    [InlineData("Table")]
    public async Task With_an_Azurite_port_in_use_serve_says_so_in_one_line_on_stderr_and_exits_non_zero(string service)
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;
        var (blob, table) = service == "Blob" ? (taken, ServerProcess.FreePort()) : (ServerProcess.FreePort(), taken);

        await using var server = ServerProcess.Launch(_folder, ServerProcess.FreePort(), blob, table);

        await AssertCannotStartAsync(server, $"Port {taken} for Azurite's {service} service is already in use", $"Storage:Azurite{service}Port");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task AssertCannotStartAsync(ServerProcess server, params string[] said)
    {
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(90)), $"still running: {server.Output}");
        output.WriteLine($"exit {server.ExitCode}; stderr: {server.Error}");

        Assert.Equal(CannotStart, server.ExitCode);
        var line = Assert.Single(server.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ticketflow: the server did not start: ", line, StringComparison.Ordinal);
        foreach (var part in said)
        {
            Assert.Contains(part, line, StringComparison.Ordinal);
        }

        // No stack trace anywhere (stdout carries the log), and no Azurite left behind on its data.
        Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", server.Output.Replace(line, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(ServerProcess.ProcessesNaming(_folder));
    }
}
