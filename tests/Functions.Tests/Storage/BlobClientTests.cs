using System.Security.Cryptography;
using Azure;
using TicketFlow.Functions.Storage.Blobs;
using TicketFlow.Functions.Tests.Fixtures;

namespace TicketFlow.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobClientTests(AzuriteFixture azurite)
{
    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueName("c"));
        await container.CreateIfNotExistsAsync();
        return container;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

#pragma warning disable CA5351 // Content-MD5 is MD5 by protocol.
    private static byte[] Md5(byte[] data) => MD5.HashData(data);
#pragma warning restore CA5351

    [Fact]
    public async Task Small_upload_stores_content_type_and_md5_and_downloads_verified()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("tickets/T1/iwp/D1");
        var content = RandomBytes(10_000, 1);

        var info = await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
            Metadata = new Dictionary<string, string> { ["ticketid"] = "T1" },
        });
        var props = (await blob.GetPropertiesAsync()).Value;
        var downloaded = await blob.DownloadContentAsync();

        Assert.Equal(0, info.Value.BlockCount);
        Assert.Equal(content, downloaded.ToArray());
        Assert.Equal("application/pdf", props.ContentType);
        Assert.Equal(Md5(content), props.ContentHash);
        Assert.Equal(10_000, props.ContentLength);
        Assert.Equal("T1", props.Metadata["ticketid"]);
        Assert.Equal(info.Value.ETag, props.ETag);
    }

    [Fact]
    public async Task A_20_MB_upload_goes_in_blocks_and_streams_back_with_its_hash_checked()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("packages/en-1/2026-q1.zip");
        var content = RandomBytes(20 * 1024 * 1024, 2);

        // A non-seekable source, as an upload from a request body would be.
        await using var source = new NonSeekableStream(new MemoryStream(content));
        var info = await blob.UploadAsync(source, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" } });
        var download = (await blob.DownloadStreamingAsync()).Value;
        await using var _ = download;
        using var received = new MemoryStream();
        await download.Content.CopyToAsync(received);

        Assert.Equal(5, info.Value.BlockCount); // 4 MiB blocks
        Assert.Equal(Md5(content), info.Value.ContentHash);
        Assert.Equal(Md5(content), download.Details.ContentHash);
        Assert.Equal("application/zip", download.Details.ContentType);
        Assert.Equal(content.Length, download.Details.ContentLength);
        Assert.True(content.AsSpan().SequenceEqual(received.ToArray()));
    }

    [Fact]
    public async Task A_download_whose_content_does_not_match_the_stored_hash_is_refused()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("tickets/T2/iwp/D2");
        var content = RandomBytes(50_000, 3);
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" } });
        var wrongHash = Md5(content);
        wrongHash[0] ^= 0xFF;
        await blob.SetHttpHeadersAsync(new BlobHttpHeaders { ContentType = "application/pdf", ContentHash = wrongHash });

        var e = await Assert.ThrowsAsync<BlobContentHashMismatchException>(() => blob.DownloadContentAsync());

        Assert.Equal(blob.Uri, e.BlobUri);
    }

    [Fact]
    public async Task Upload_without_overwrite_refuses_to_replace_an_existing_blob()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("signed/D3");
        await blob.UploadAsync(new BinaryData([1, 2, 3]));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(new BinaryData([4, 5, 6]), new BlobUploadOptions { Overwrite = false }));

        Assert.Equal(409, e.Status);
        Assert.Equal("BlobAlreadyExists", e.ErrorCode);
        Assert.Equal(new byte[] { 1, 2, 3 }, (await blob.DownloadContentAsync()).ToArray());
    }

    [Fact]
    public async Task Listing_by_prefix_returns_only_that_ticket_in_name_order_across_pages()
    {
        var container = await NewContainerAsync();
        foreach (var name in new[] { "tickets/T1/b", "tickets/T1/a", "tickets/T10/a", "tickets/T2/a", "tickets/T1/c" })
        {
            await container.GetBlobClient(name).UploadAsync(new BinaryData(name));
        }

        var names = new List<string>();
        var pages = 0;
        await foreach (var page in container.GetBlobsAsync("tickets/T1/").AsPages(pageSizeHint: 2))
        {
            pages++;
            names.AddRange(page.Values.Select(b => b.Name));
        }

        Assert.Equal(["tickets/T1/a", "tickets/T1/b", "tickets/T1/c"], names);
        Assert.Equal(2, pages);
        var all = await container.GetBlobsAsync().ToListAsync();
        Assert.Equal(5, all.Count);
        Assert.All(all, b => Assert.NotNull(b.Properties.ContentHash));
    }

    [Fact]
    public async Task Delete_if_exists_reports_whether_there_was_a_blob()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("x/y");
        await blob.UploadAsync(new BinaryData("z"));

        var first = await blob.DeleteIfExistsAsync();
        var second = await blob.DeleteIfExistsAsync();

        Assert.True(first.Value);
        Assert.False(second.Value);
        Assert.False((await blob.ExistsAsync()).Value);
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetPropertiesAsync());
        Assert.Equal(404, e.Status);
    }

    [Fact]
    public async Task Downloading_a_missing_blob_is_a_404_with_the_service_error_code()
    {
        var container = await NewContainerAsync();

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("missing/doc").DownloadStreamingAsync());

        Assert.Equal(404, e.Status);
        Assert.Equal("BlobNotFound", e.ErrorCode);
    }

    [Fact]
    public async Task Container_create_is_idempotent_and_delete_removes_it()
    {
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient(AzuriteFixture.UniqueName("k"));

        Assert.Equal(201, (await container.CreateIfNotExistsAsync()).Status);
        Assert.Equal(409, (await container.CreateIfNotExistsAsync()).Status);
        Assert.True((await container.DeleteIfExistsAsync()).Value);
        Assert.False((await container.DeleteIfExistsAsync()).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ends/with/")]
    [InlineData("has\u0001control")]
    [InlineData("tickets/T1/../T2/iwp")]
    [InlineData("./x")]
    public void Invalid_blob_names_are_refused(string name)
    {
        var container = azurite.CreateBlobServiceClient().GetBlobContainerClient("documents");

        Assert.Throws<ArgumentException>(() => container.GetBlobClient(name));
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 65_536));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
