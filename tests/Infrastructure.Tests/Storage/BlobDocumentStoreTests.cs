using System.Security.Cryptography;
using Azure.Storage.Blobs;
using TicketFlow.Infrastructure.Storage.Documents;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobDocumentStoreTests(AzuriteFixture azurite)
{
    private async Task<(BlobDocumentStore Store, BlobContainerClient Container)> NewStoreAsync()
    {
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueName("docs"));
        await container.CreateIfNotExistsAsync();
        return (new BlobDocumentStore(container, TimeProvider.System), container);
    }

    [Fact]
    public async Task A_saved_signed_iwp_lists_under_its_ticket_and_reads_back()
    {
        var (store, _) = await NewStoreAsync();
        var pdf = "%PDF-1.7 signed IWP"u8.ToArray();

        var saved = await store.SaveAsync("T-100", DocumentKind.SignedIwp, "iwp-1", new MemoryStream(pdf), "application/pdf");
        await store.SaveAsync("T-100", DocumentKind.IwpAmendment, "amend-1", new MemoryStream([1, 2]), "application/pdf");
        await store.SaveAsync("T-101", DocumentKind.SignedIwp, "iwp-2", new MemoryStream([3]), "application/pdf");
        var listed = await store.ListAsync("T-100");
        await using var read = await store.OpenReadAsync(saved);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(pdf, copy.ToArray());
        Assert.Equal(pdf.Length, saved.Length);
        Assert.Equal([(DocumentKind.IwpAmendment, "amend-1"), (DocumentKind.SignedIwp, "iwp-1")], listed.Select(d => (d.Kind, d.DocumentId)).OrderBy(x => x.Item2));
        Assert.Equal(saved.ContentHash, listed.Single(d => d.DocumentId == "iwp-1").ContentHash);
    }

    [Fact]
    public async Task A_document_changed_since_its_reference_was_taken_is_refused()
    {
        var (store, _) = await NewStoreAsync();
        var saved = await store.SaveAsync("T-200", DocumentKind.PmRecommendation, "pm-1", new MemoryStream([1, 2, 3]), "application/pdf");
        await store.SaveAsync("T-200", DocumentKind.PmRecommendation, "pm-1", new MemoryStream([9, 9, 9]), "application/pdf");

        await Assert.ThrowsAsync<BlobContentHashMismatchException>(() => store.OpenReadAsync(saved));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("my file.pdf")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Names_come_from_ids_never_from_file_names(string id)
    {
        Assert.Throws<ArgumentException>(() => BlobDocumentStore.BlobName(id, DocumentKind.SignedIwp, "d1"));
        Assert.Throws<ArgumentException>(() => BlobDocumentStore.BlobName("T1", DocumentKind.SignedIwp, id));
    }

    [Fact]
    public async Task Delete_removes_the_document()
    {
        var (store, _) = await NewStoreAsync();
        var saved = await store.SaveAsync("T-300", DocumentKind.DisputeRequest, "d-1", new MemoryStream([1]), "application/pdf");

        Assert.True(await store.DeleteAsync(saved));
        Assert.False(await store.DeleteAsync(saved));
        Assert.Empty(await store.ListAsync("T-300"));
    }

    [Fact]
    public async Task A_20_MB_document_round_trips_with_its_md5_stored_by_the_service()
    {
        var (store, container) = await NewStoreAsync();
        var content = new byte[20 * 1024 * 1024];
        new Random(20).NextBytes(content);
#pragma warning disable CA5351 // MD5 is the Blob service's Content-MD5.
        var md5 = MD5.HashData(content);
#pragma warning restore CA5351

        var saved = await store.SaveAsync("T-400", DocumentKind.ServicesAndSupportsReviewPackage, "pkg-1", new NonSeekableStream(content), "application/zip");
        var properties = (await container.GetBlobClient(BlobDocumentStore.BlobName("T-400", DocumentKind.ServicesAndSupportsReviewPackage, "pkg-1")).GetPropertiesAsync()).Value;
        await using var read = await store.OpenReadAsync(saved);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(content.Length, saved.Length);
        Assert.Equal(Convert.ToBase64String(md5), saved.ContentHash);
        Assert.Equal(md5, properties.ContentHash);
        Assert.Equal("application/zip", properties.ContentType);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Bytes_that_do_not_match_the_stored_md5_fail_the_read_when_the_stream_ends()
    {
        var (store, container) = await NewStoreAsync();
        var saved = await store.SaveAsync("T-500", DocumentKind.SignedIwp, "iwp-1", new MemoryStream([1, 2, 3]), "application/pdf");
        // Same Content-MD5 header, different bytes: what a corrupted copy looks like to the reader.
        var blob = container.GetBlobClient(BlobDocumentStore.BlobName("T-500", DocumentKind.SignedIwp, "iwp-1"));
        await blob.UploadAsync(new BinaryData(new byte[] { 7, 8, 9 }), overwrite: true);
        await blob.SetHttpHeadersAsync(new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = "application/pdf", ContentHash = Convert.FromBase64String(saved.ContentHash) });

        await using var read = await store.OpenReadAsync(saved);

        await Assert.ThrowsAsync<BlobContentHashMismatchException>(() => read.CopyToAsync(Stream.Null));
    }

    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
