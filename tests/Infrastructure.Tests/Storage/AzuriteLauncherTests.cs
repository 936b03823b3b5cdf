using TicketFlow.Infrastructure.Storage;
using Azure.Data.Tables;

namespace TicketFlow.Infrastructure.Tests.Storage;

public sealed class AzuriteLauncherTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ticketflow-azurite-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task With_a_data_folder_records_survive_a_restart()
    {
        await using (var first = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions { DataFolder = _dataFolder }))
        {
            var table = new TableServiceClient(first.ConnectionString).GetTableClient("persisted");
            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new TableEntity("p", "r") { ["Note"] = "kept" });
        }

        await using var second = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions { DataFolder = _dataFolder });
        var reopened = new TableServiceClient(second.ConnectionString).GetTableClient("persisted");

        Assert.Equal("kept", (await reopened.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Note"));
        Assert.True(Directory.Exists(Path.Combine(_dataFolder, "azurite")));
    }

    [Fact]
    public async Task A_missing_checkout_is_a_clear_error()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteLauncher.StartAsync(new AzuriteLaunchOptions { RepositoryRoot = _dataFolder }));

        Assert.Contains("npm ci", e.Message, StringComparison.Ordinal);
    }
}
