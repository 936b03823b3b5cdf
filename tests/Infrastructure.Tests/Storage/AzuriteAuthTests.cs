using Azure;
using Azure.Data.Tables;
using Azure.Storage;
using Azure.Storage.Blobs;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Testing.Fixtures;

namespace TicketFlow.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteAuthTests(AzuriteFixture azurite)
{
    private static readonly string WrongKey = Convert.ToBase64String(new byte[64]);

    [Fact]
    public async Task Azurite_refuses_table_requests_signed_with_the_wrong_key()
    {
        var table = new TableServiceClient(azurite.TableEndpoint, new TableSharedKeyCredential(AzuriteLauncher.DevelopmentAccountName, WrongKey));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateTableIfNotExistsAsync(AzuriteFixture.UniqueName("w")));

        Assert.Equal(403, e.Status);
    }

    [Fact]
    public async Task Azurite_refuses_blob_requests_signed_with_the_wrong_key()
    {
        var container = new BlobServiceClient(azurite.BlobEndpoint, new StorageSharedKeyCredential(AzuriteLauncher.DevelopmentAccountName, WrongKey),
            new BlobClientOptions(StorageServiceCollectionExtensions.BlobServiceVersion)).GetBlobContainerClient(AzuriteFixture.UniqueName("w"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => container.CreateIfNotExistsAsync());

        Assert.Equal(403, e.Status);
    }

    [Fact]
    public async Task Azurite_refuses_a_blob_service_version_newer_than_it_knows_so_the_pin_matters()
    {
        var unpinned = azurite.CreateBlobServiceClient(new BlobClientOptions()).GetBlobContainerClient(AzuriteFixture.UniqueName("v"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => unpinned.CreateIfNotExistsAsync());

        Assert.Equal(400, e.Status);
        Assert.True((await azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueName("v")).CreateIfNotExistsAsync()).HasValue);
    }
}
