using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;

namespace TicketFlow.Functions.Storage.Blobs;

/// <summary>
/// One block blob. Uploads store the content type and an MD5 of the whole content; downloads are streamed and
/// check that MD5 as they are read. Shaped like Azure.Storage.Blobs' <c>BlobClient</c>.
/// </summary>
public class BlobClient
{
    private readonly StoragePipeline _pipeline;

    internal BlobClient(Uri containerUri, string containerName, string blobName, StoragePipeline pipeline)
    {
        ValidateBlobName(blobName);
        _pipeline = pipeline;
        BlobContainerName = containerName;
        Name = blobName;
        Uri = new Uri(containerUri.AbsoluteUri + "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString)));
    }

    /// <summary>The blob name, e.g. tickets/T123/iwp/D456.</summary>
    public string Name { get; }

    /// <summary>The container name.</summary>
    public string BlobContainerName { get; }

    /// <summary>The blob's address.</summary>
    public Uri Uri { get; }

    /// <summary>Uploads bytes (see <see cref="UploadAsync(Stream, BlobUploadOptions?, CancellationToken)"/>).</summary>
    /// <param name="content">The content.</param>
    /// <param name="options">Content type, metadata and overwrite; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The new version and the stored hash.</returns>
    public virtual async Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var stream = content.ToStream();
        return await UploadAsync(stream, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads content as a block blob: up to <see cref="BlobUploadOptions.SingleUploadThresholdBytes"/> in one
    /// Put Blob, larger content as Put Block requests (each with its own Content-MD5) committed by one Put Block
    /// List that stores the MD5 of the whole. Until the commit, readers see the previous version (or nothing).
    /// </summary>
    /// <param name="content">The content, read from its current position to the end.</param>
    /// <param name="options">Content type, metadata and overwrite; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The new version and the stored hash.</returns>
    public virtual async Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobUploadOptions();
        if (options.BlockSizeBytes < 1 || options.SingleUploadThresholdBytes < 0)
        {
            throw new ArgumentException("Block size must be positive and the single-upload threshold not negative.", nameof(options));
        }

        // Read up to one byte more than the threshold to learn whether the content fits in one request.
        var (first, firstLength) = await ReadUpToAsync(content, checked((int)Math.Min(options.SingleUploadThresholdBytes + 1, int.MaxValue)), cancellationToken).ConfigureAwait(false);
        if (firstLength <= options.SingleUploadThresholdBytes)
        {
            return await PutBlobAsync(first.AsMemory(0, firstLength), options, cancellationToken).ConfigureAwait(false);
        }

#pragma warning disable CA5351 // Content-MD5 is MD5 by protocol; an integrity check, not a security measure.
        using var wholeHash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        var blockIds = new List<string>();
        var uploadId = Guid.NewGuid().ToString("N")[..8];
        // Whole blocks from what was read so far; the remainder starts the next block, so every block but the last is full.
        var offset = 0;
        for (; firstLength - offset >= options.BlockSizeBytes; offset += options.BlockSizeBytes)
        {
            var block = first.AsMemory(offset, options.BlockSizeBytes);
            wholeHash.AppendData(block.Span);
            blockIds.Add(await PutBlockAsync(uploadId, blockIds.Count, block, cancellationToken).ConfigureAwait(false));
        }

        var buffer = new byte[options.BlockSizeBytes];
        var carried = firstLength - offset;
        first.AsSpan(offset, carried).CopyTo(buffer);
        while (true)
        {
            var n = carried + await content.ReadAtLeastAsync(buffer.AsMemory(carried), buffer.Length - carried, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            carried = 0;
            if (n == 0)
            {
                break;
            }

            wholeHash.AppendData(buffer, 0, n);
            blockIds.Add(await PutBlockAsync(uploadId, blockIds.Count, buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false));
            if (n < buffer.Length)
            {
                break;
            }
        }

        return await PutBlockListAsync(blockIds, wholeHash.GetHashAndReset(), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a streamed download. The returned stream checks the stored MD5 when read to the end; a blob stored
    /// without one (not written by TicketFlow) is returned unchecked.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content stream and the blob's properties.</returns>
    public virtual async Task<Response<BlobDownloadStreamingResult>> DownloadStreamingAsync(CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.BufferResponse = false;
        try
        {
            await _pipeline.Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var response = message.Response;
            if (response.IsError)
            {
                // The body was not buffered; buffer the (small) error body so the exception can read its code.
                var buffered = new MemoryStream();
                if (response.ContentStream is { } errorStream)
                {
                    await errorStream.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
                    buffered.Position = 0;
                }

                response.ContentStream = buffered;
                throw StorageErrorParser.Exception(response);
            }

            var details = ReadProperties(response);
            var stream = message.ExtractResponseContent() ?? Stream.Null;
            if (details.ContentHash is { } hash)
            {
                stream = new Md5VerifyingStream(stream, hash, details.ContentLength, Uri);
            }

            return Response.FromValue(new BlobDownloadStreamingResult(stream, details), response);
        }
        finally
        {
            message.Dispose();
        }
    }

    /// <summary>Downloads the whole content into memory, checking its MD5.</summary>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The content.</returns>
    public virtual async Task<BinaryData> DownloadContentAsync(CancellationToken cancellationToken = default)
    {
        var result = (await DownloadStreamingAsync(cancellationToken).ConfigureAwait(false)).Value;
        await using (result.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await result.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return new BinaryData(buffer.ToArray());
        }
    }

    /// <summary>Reads the blob's properties and metadata; a missing blob throws with status 404.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The properties.</returns>
    public virtual async Task<Response<BlobProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, Uri);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadProperties(response), response);
    }

    /// <summary>Whether the blob exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if it exists.</returns>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, Uri);
        await _pipeline.Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status == 404
            ? Response.FromValue(false, message.Response)
            : message.Response.IsError ? throw StorageErrorParser.Exception(message.Response) : Response.FromValue(true, message.Response);
    }

    /// <summary>Replaces the blob's HTTP properties (content type, MD5, disposition); unset ones are cleared.</summary>
    /// <param name="headers">The new properties.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service response.</returns>
    public virtual async Task<Response> SetHttpHeadersAsync(BlobHttpHeaders headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri(Uri.AbsoluteUri + "?comp=properties"));
        SetBlobHeaders(message.Request, headers, headers.ContentHash);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the blob (and its snapshots) if it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if a blob was deleted.</returns>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        await _pipeline.Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return response.Status == 404
            ? Response.FromValue(false, response)
            : response.IsError ? throw StorageErrorParser.Exception(response) : Response.FromValue(true, response);
    }

    internal static BlobProperties ReadProperties(Response response)
    {
        var headers = response.Headers;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
            }
        }

        return new BlobProperties(
            headers.ContentLength ?? 0,
            headers.ContentType,
            headers.TryGetValue("Content-MD5", out var md5) && md5.Length > 0 ? Convert.FromBase64String(md5) : null,
            headers.ETag ?? default,
            headers.TryGetValue("Last-Modified", out var modified) ? DateTimeOffset.Parse(modified, CultureInfo.InvariantCulture) : default,
            metadata);
    }

    private static void SetBlobHeaders(Request request, BlobHttpHeaders? headers, byte[]? contentHash)
    {
        if (headers?.ContentType is { } type)
        {
            request.Headers.SetValue("x-ms-blob-content-type", type);
        }

        if (headers?.ContentDisposition is { } disposition)
        {
            request.Headers.SetValue("x-ms-blob-content-disposition", disposition);
        }

        if (contentHash is not null)
        {
            request.Headers.SetValue("x-ms-blob-content-md5", Convert.ToBase64String(contentHash));
        }
    }

    private static void SetMetadataAndConditions(Request request, BlobUploadOptions options)
    {
        foreach (var (name, value) in options.Metadata ?? new Dictionary<string, string>())
        {
            request.Headers.SetValue("x-ms-meta-" + name, value);
        }

        if (!options.Overwrite)
        {
            request.Headers.SetValue("If-None-Match", "*");
        }
    }

    private static void ValidateBlobName(string blobName)
    {
        // "." and ".." segments are refused: the URI would be normalised to a different blob.
        if (string.IsNullOrEmpty(blobName) || blobName.Length > 1024 || blobName.Any(char.IsControl) || blobName.EndsWith('/') || blobName.EndsWith('.')
            || blobName.Split('/').Any(segment => segment is "." or ".."))
        {
            throw new ArgumentException(
                $"'{blobName}' is not a valid blob name: 1-1,024 characters, no control characters, no '.' or '..' segments, not ending in '/' or '.'.",
                nameof(blobName));
        }
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes, allocating only what the content needs.</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadUpToAsync(Stream content, int limit, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            var exact = new byte[(int)Math.Min(Math.Max(content.Length - content.Position, 0), limit)];
            var read = await content.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return (exact, read);
        }

        var buffer = new byte[Math.Min(limit, 81_920)];
        var length = 0;
        while (length < limit)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            }

            var n = await content.ReadAsync(buffer.AsMemory(length, buffer.Length - length), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            length += n;
        }

        return (buffer, length);
    }

#pragma warning disable CA5351 // Content-MD5 is MD5 by protocol; an integrity check, not a security measure.
    private static byte[] Md5(ReadOnlySpan<byte> data) => MD5.HashData(data);
#pragma warning restore CA5351

    private async Task<Response<BlobContentInfo>> PutBlobAsync(ReadOnlyMemory<byte> content, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var hash = Md5(content.Span);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Uri);
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("Content-MD5", Convert.ToBase64String(hash)); // The service checks it and stores it.
        SetBlobHeaders(request, options.HttpHeaders, hash);
        SetMetadataAndConditions(request, options);
        request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(Info(response, hash, 0), response);
    }

    private async Task<string> PutBlockAsync(string uploadId, int index, ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        // Block ids must all have the same length within a blob.
        var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{uploadId}-{index:D6}")));
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri(Uri.AbsoluteUri + "?comp=block&blockid=" + Uri.EscapeDataString(blockId)));
        message.Request.Headers.SetValue("Content-MD5", Convert.ToBase64String(Md5(block.Span)));
        message.Request.Content = RequestContent.Create(block);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return blockId;
    }

    private async Task<Response<BlobContentInfo>> PutBlockListAsync(List<string> blockIds, byte[] wholeHash, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in blockIds)
        {
            xml.Append("<Latest>").Append(id).Append("</Latest>");
        }

        xml.Append("</BlockList>");
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri(Uri.AbsoluteUri + "?comp=blocklist"));
        var request = message.Request;
        request.Headers.SetValue("Content-Type", "application/xml");
        SetBlobHeaders(request, options.HttpHeaders, wholeHash); // Stored as the blob's Content-MD5 and checked on download.
        SetMetadataAndConditions(request, options);
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml.ToString()));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(Info(response, wholeHash, blockIds.Count), response);
    }

    private static BlobContentInfo Info(Response response, byte[] hash, int blockCount) => new(
        response.Headers.ETag ?? default,
        response.Headers.TryGetValue("Last-Modified", out var modified) ? DateTimeOffset.Parse(modified, CultureInfo.InvariantCulture) : default,
        hash,
        blockCount);
}
