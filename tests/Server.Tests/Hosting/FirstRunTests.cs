using System.Net;
using Azure;
using TicketFlow.Api.Security;
using TicketFlow.Testing.Fixtures;

namespace TicketFlow.Server.Tests.Hosting;

/// <summary>
/// The demo EN and its printed key exist only on the server's embedded defaults (the Azurite it starts), never on a
/// configured storage account.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FirstRunTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"tffirst{Guid.NewGuid():N}"[..20]);

    [Fact]
    public async Task On_embedded_defaults_the_first_start_creates_the_demo_EN_and_prints_a_key_that_works()
    {
        await using var server = await ServerProcess.StartAsync(_folder, ServerProcess.FreePort(), ServerProcess.FreePort(), ServerProcess.FreePort());

        var key = (await File.ReadAllTextAsync(Path.Combine(_folder, "first-api-key.txt"))).Trim();
        Assert.Contains($"created EN P00001 with API key {key}", server.Output, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/deadlines")).StatusCode);
    }

    [Fact]
    public async Task On_a_configured_storage_account_the_server_creates_no_demo_EN_and_prints_no_key()
    {
        var prefix = AzuriteFixture.UniqueName("first");
        await using var server = await ServerProcess.StartAsync(_folder, ServerProcess.FreePort(), ServerProcess.FreePort(), ServerProcess.FreePort(),
            $"--Storage:ConnectionString={azurite.ConnectionString}",
            $"--Storage:Records:TablePrefix={prefix}",
            $"--Storage:DocumentsContainerName={AzuriteFixture.UniqueName("docs")}");

        Assert.False(File.Exists(Path.Combine(_folder, "first-api-key.txt")));
        Assert.DoesNotContain("created EN", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("tf_", server.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "azurite.owner")), "an Azurite was started beside the configured account");
        var tables = azurite.CreateTableServiceClient();
        Assert.Empty(await EntitiesAsync(tables.GetTableClient(prefix + "EmploymentNetworks")));
        Assert.Empty(await EntitiesAsync(tables.GetTableClient(prefix + "ApiKeys")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<List<string>> EntitiesAsync(Azure.Data.Tables.TableClient table)
    {
        var keys = new List<string>();
        try
        {
            await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                keys.Add($"{entity.PartitionKey}/{entity.RowKey}");
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The table was never created: nothing was written.
        }

        return keys;
    }
}
