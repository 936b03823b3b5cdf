using Azure;
using TicketFlow.Functions.Storage.Auth;
using TicketFlow.Functions.Storage.Blobs;
using TicketFlow.Functions.Storage.Tables;
using TicketFlow.Functions.Tests.Fixtures;

namespace TicketFlow.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteAuthTests(AzuriteFixture azurite)
{
    private static readonly StorageSharedKeyCredential WrongKey =
        new(StorageSharedKeyCredential.DevelopmentAccountName, Convert.ToBase64String(new byte[64]));

    [Fact]
    public async Task Azurite_refuses_table_requests_signed_with_the_wrong_key()
    {
        var table = new TableServiceClient(azurite.TableEndpoint, WrongKey);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateTableIfNotExistsAsync(AzuriteFixture.UniqueName("w")));

        Assert.Equal(403, e.Status);
    }

    [Fact]
    public async Task Azurite_refuses_blob_requests_signed_with_the_wrong_key()
    {
        var container = new BlobServiceClient(azurite.BlobEndpoint, WrongKey).GetBlobContainerClient(AzuriteFixture.UniqueName("w"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => container.CreateIfNotExistsAsync());

        Assert.Equal(403, e.Status);
    }
}
