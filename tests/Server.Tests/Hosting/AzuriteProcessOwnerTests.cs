using System.Net;
using System.Net.Sockets;
using TicketFlow.Server.Hosting;
using TicketFlow.Infrastructure.Storage;

namespace TicketFlow.Server.Tests.Hosting;

public sealed class AzuriteProcessOwnerTests
{
    [Fact]
    public async Task A_port_already_held_is_named_with_the_process_that_holds_it_before_anything_starts()
    {
        using var stale = new TcpListener(IPAddress.Loopback, 0);
        stale.Start();
        var port = ((IPEndPoint)stale.LocalEndpoint).Port;
        using var owner = new AzuriteProcessOwner();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            owner.StartAsync(new AzuriteLaunchOptions { BlobPort = port, TablePort = ServerProcess.FreePort() }, CancellationToken.None));

        Assert.Contains($"Port {port}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId}", refused.Message, StringComparison.Ordinal);
        Assert.Null(owner.AzuriteProcessId);
    }

    [Fact]
    public async Task Two_owners_never_share_one_data_folder_and_the_second_is_told_who_holds_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tfown{Guid.NewGuid():N}"[..18]);
        try
        {
            using var first = new AzuriteProcessOwner();
            await using var azurite = await first.StartAsync(new AzuriteLaunchOptions { DataFolder = folder }, CancellationToken.None);
            using var second = new AzuriteProcessOwner();

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                second.StartAsync(new AzuriteLaunchOptions { DataFolder = folder }, CancellationToken.None));

            Assert.Contains("in use by", refused.Message, StringComparison.Ordinal);
            Assert.Contains($"Azurite process {azurite.ProcessId}", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
