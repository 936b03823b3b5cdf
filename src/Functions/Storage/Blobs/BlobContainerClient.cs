using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace TicketFlow.Functions.Storage.Blobs;

/// <summary>One blob container: create, delete, list by prefix, and clients for its blobs.</summary>
public class BlobContainerClient
{
    private readonly StoragePipeline _pipeline;

    internal BlobContainerClient(Uri serviceEndpoint, string containerName, StoragePipeline pipeline)
    {
        if (containerName.Length is < 3 or > 63 || !containerName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || containerName.StartsWith('-') || containerName.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{containerName}' is not a valid container name: 3-63 lowercase letters, digits or single hyphens, starting with a letter or digit.",
                nameof(containerName));
        }

        _pipeline = pipeline;
        Name = containerName;
        Uri = new Uri(serviceEndpoint.AbsoluteUri.TrimEnd('/') + "/" + containerName);
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The container's address.</summary>
    public Uri Uri { get; }

    /// <summary>A client for one blob (no request is sent).</summary>
    /// <param name="blobName">The blob name; build it from ids, never from user-supplied file names.</param>
    /// <returns>The blob client.</returns>
    public virtual BlobClient GetBlobClient(string blobName) => new(Uri, Name, blobName, _pipeline);

    /// <summary>Creates the container (private access) unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response (201, or 409 when it existed).</returns>
    public virtual async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri(Uri.AbsoluteUri + "?restype=container"));
        await _pipeline.Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status == 409 || !message.Response.IsError ? message.Response : throw StorageErrorParser.Exception(message.Response);
    }

    /// <summary>Deletes the container and its blobs if it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if it was deleted.</returns>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, new Uri(Uri.AbsoluteUri + "?restype=container"));
        await _pipeline.Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return response.Status == 404
            ? Response.FromValue(false, response)
            : response.IsError ? throw StorageErrorParser.Exception(response) : Response.FromValue(true, response);
    }

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, in name order, following continuation markers.</summary>
    /// <param name="prefix">A name prefix, e.g. tickets/T123/; null for all.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The blobs, fetched page by page as enumerated.</returns>
    public virtual AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        new DelegatingAsyncPageable<BlobItem>((marker, pageSize, ct) => ListPageAsync(prefix, marker, pageSize, ct), cancellationToken);

    private async Task<Page<BlobItem>> ListPageAsync(string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        var uri = Uri.AbsoluteUri + "?restype=container&comp=list";
        if (!string.IsNullOrEmpty(prefix))
        {
            uri += "&prefix=" + Uri.EscapeDataString(prefix);
        }

        if (!string.IsNullOrEmpty(marker))
        {
            uri += "&marker=" + Uri.EscapeDataString(marker);
        }

        if (pageSize is { } size)
        {
            uri += "&maxresults=" + size.ToString(CultureInfo.InvariantCulture);
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, new Uri(uri));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var doc = XDocument.Parse(response.Content.ToString());
        var items = doc.Root?.Element("Blobs")?.Elements("Blob").Select(ParseItem).ToList() ?? [];
        var next = doc.Root?.Element("NextMarker")?.Value;
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
    }

    private static BlobItem ParseItem(XElement blob)
    {
        var p = blob.Element("Properties");
        string? Value(string name) => p?.Element(name)?.Value is { Length: > 0 } v ? v : null;
        return new BlobItem(
            blob.Element("Name")?.Value ?? string.Empty,
            new BlobProperties(
                long.Parse(Value("Content-Length") ?? "0", CultureInfo.InvariantCulture),
                Value("Content-Type"),
                Value("Content-MD5") is { } md5 ? Convert.FromBase64String(md5) : null,
                Value("Etag") is { } etag ? new ETag(etag) : default,
                Value("Last-Modified") is { } modified ? DateTimeOffset.Parse(modified, CultureInfo.InvariantCulture) : default,
                new Dictionary<string, string>()));
    }
}
