using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Server.Hosting;

namespace TicketFlow.Server.Tests.Hosting;

/// <summary>The server's defaults (address, local data) apply only where nothing is configured.</summary>
public sealed class ServerDefaultsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"tfdefaults{Guid.NewGuid():N}"[..24]);

    [Theory]
    [InlineData("", "http://localhost:5080")]
    [InlineData("--urls http://127.0.0.1:6001", "http://127.0.0.1:6001")]
    [InlineData("--urls=http://0.0.0.0:6002", "http://0.0.0.0:6002")]
    // ASPNETCORE_HTTP_PORTS (here as the same setting on the command line) is not overridden by the default address.
    [InlineData("--http_ports 6003", null)]
    [InlineData("--Kestrel:Endpoints:Http:Url=http://127.0.0.1:6004", null)]
    public async Task The_server_listens_where_it_is_told_and_on_localhost_5080_otherwise(string args, string? urls)
    {
        string? configured = "not read";
        await using var app = TicketFlowHost.Build([$"--Data:Folder={_folder}", .. args.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            builder => configured = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));

        Assert.Equal(urls, configured);
    }

    [Fact]
    public async Task Azurite_files_and_the_outbox_default_to_the_data_folder()
    {
        await using var app = TicketFlowHost.Build([$"--Data:Folder={_folder}", "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(_folder, app.Services.GetRequiredService<DataFolder>().Path);
        Assert.Equal(_folder, app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder);
        Assert.Equal(Path.Combine(_folder, "outbox"), app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.OutboxFolder);
    }

    [Fact]
    public async Task Configured_folders_for_Azurite_and_the_outbox_win_over_the_data_folder()
    {
        var azurite = Path.Combine(_folder, "elsewhere");
        var outbox = Path.Combine(_folder, "mail");
        await using var app = TicketFlowHost.Build([$"--Data:Folder={_folder}", "--urls", "http://127.0.0.1:0",
            $"--Storage:DataFolder={azurite}", $"--Email:OutboxFolder={outbox}"]);

        Assert.Equal(azurite, app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder);
        Assert.Equal(outbox, app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.OutboxFolder);
    }

    [Fact]
    public async Task The_thread_pool_keeps_more_threads_than_cores_for_the_embedded_engines_synchronous_work()
    {
        await using var app = TicketFlowHost.Build([$"--Data:Folder={_folder}", "--urls", "http://127.0.0.1:0"]);

        ThreadPool.GetMinThreads(out var workers, out _);
        Assert.True(workers >= Math.Min(16 * Environment.ProcessorCount, 256), $"{workers} threads at least, on {Environment.ProcessorCount} cores");
    }

    [Fact]
    public async Task The_server_counts_calls_from_its_start_and_optimizes_hot_code_without_PGOs_extra_tier()
    {
        // The runtime configuration the tool ships with (copied beside these tests from src/Server's build).
        var config = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ticketflow.runtimeconfig.json"));
        var knobs = System.Text.Json.Nodes.JsonNode.Parse(config)!["runtimeOptions"]!["configProperties"]!;

        Assert.Equal(0, (int)knobs["System.Runtime.TieredCompilation.CallCountingDelayMs"]!);
        Assert.False((bool)knobs["System.Runtime.TieredPGO"]!);
    }

    [Fact]
    public void Without_Data_Folder_the_data_is_kept_per_user_not_in_the_current_directory()
    {
        var folder = DataFolder.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());

        Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "ticketflow"), folder.Path);
        Assert.False(folder.Path.StartsWith(Directory.GetCurrentDirectory() + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
