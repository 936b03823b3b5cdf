using TicketFlow.Functions.Storage.Blobs;
using TicketFlow.Functions.Storage.Documents;
using TicketFlow.Functions.Tests.Fixtures;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Functions.Tests.Storage;

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
}
