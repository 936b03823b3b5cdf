using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace TicketFlow.Testing.Fixtures;

/// <summary>
/// Starts a WireMock.Net server on a free port of 127.0.0.1 only (its default listens on every interface), with no
/// admin interface and no console logging: the one way the tests stand in for an outside HTTP service.
/// </summary>
public static class LoopbackWireMock
{
    public static WireMockServer Start()
    {
        // WireMock needs the port up front; a port the OS just handed out and released is free in practice, and a
        // clash (another process taking it in between) fails the start loudly rather than the test quietly.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            StartAdminInterface = false,
            Logger = new WireMockNullLogger(),
        });
    }
}
