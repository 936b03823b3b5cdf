using Azure;
using TicketFlow.Functions.Storage;
using TicketFlow.Functions.Storage.Tables;
using TicketFlow.Functions.Tests.Fixtures;

namespace TicketFlow.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzureSdkLogForwarderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Error_responses_from_the_pipeline_reach_the_host_log_without_the_signature()
    {
        var logger = new ListLogger<AzureSdkLogForwarder>();
        using var forwarder = new AzureSdkLogForwarder(logger);
        await forwarder.StartAsync(CancellationToken.None);
        var table = await azurite.CreateTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));
        await forwarder.StopAsync(CancellationToken.None);

        Assert.Contains(logger.Lines, l => l.Contains("409", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, l => l.Contains("SharedKey devstoreaccount1:", StringComparison.Ordinal));
    }
}
