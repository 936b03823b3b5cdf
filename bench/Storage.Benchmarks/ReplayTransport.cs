using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

/// <summary>
/// A transport for measuring a client's own work without the network or Azurite: while <see cref="Replaying"/> is
/// false it sends through Azure.Core's HttpClientTransport and keeps the last response of each request kind (entity
/// insert, entity read, query, batch); once it is true it answers those kinds with the kept response, after writing the
/// request's content to a counting stream as the real transport would (so serialization is still paid). The same
/// file is in the hand-written client's bench (2df2406), so both clients are measured over the same Azure.Core
/// transport and the same canned answers.
/// </summary>
internal sealed class ReplayTransport : HttpPipelineTransport
{
    private readonly HttpPipelineTransport _real = HttpClientTransport.Shared;
    private readonly Dictionary<string, Recorded> _recorded = new(StringComparer.Ordinal);

    /// <summary>Whether recorded kinds are answered without sending.</summary>
    public bool Replaying { get; set; }

    /// <summary>Request bytes written to the counting stream while replaying.</summary>
    public long RequestBytes { get; private set; }

    /// <inheritdoc/>
    public override Request CreateRequest() => _real.CreateRequest();

    /// <inheritdoc/>
    public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        var kind = Kind(message.Request);
        if (Replaying && kind is not null && _recorded.TryGetValue(kind, out var recorded))
        {
            if (message.Request.Content is { } content)
            {
                var counter = new CountingStream();
                await content.WriteToAsync(counter, message.CancellationToken).ConfigureAwait(false);
                RequestBytes += counter.Length;
            }

            message.Response = new RecordedResponse(recorded, message.Request.ClientRequestId);
            return;
        }

        await _real.ProcessAsync(message).ConfigureAwait(false);
        if (kind is not null)
        {
            var body = new MemoryStream();
            if (message.Response.ContentStream is { } stream)
            {
                await stream.CopyToAsync(body).ConfigureAwait(false);
                body.Position = 0;
                message.Response.ContentStream = body;
            }

            // A kept query page must not point at a next page, or replaying it would never end.
            var headers = message.Response.Headers
                .Where(h => !h.Name.StartsWith("x-ms-continuation-", StringComparison.OrdinalIgnoreCase))
                .Select(h => (h.Name, h.Value))
                .ToArray();
            _recorded[kind] = new Recorded(message.Response.Status, message.Response.ReasonPhrase, headers, body.ToArray());
        }
    }

    private static string? Kind(Request request)
    {
        var path = request.Uri.ToUri().AbsolutePath;
        return path.EndsWith("/$batch", StringComparison.Ordinal) ? "batch"
            : request.Method == RequestMethod.Get && path.Contains("(PartitionKey=", StringComparison.Ordinal) ? "read"
            : request.Method == RequestMethod.Get && path.EndsWith("()", StringComparison.Ordinal) ? "query"
            : request.Method == RequestMethod.Post && !path.EndsWith("/Tables", StringComparison.Ordinal) && !path.Contains('(', StringComparison.Ordinal) && path.Count(c => c == '/') == 2 ? "insert"
            : null;
    }

    private sealed record Recorded(int Status, string ReasonPhrase, (string Name, string Value)[] Headers, byte[] Body);

    private sealed class RecordedResponse(Recorded recorded, string clientRequestId) : Response
    {
        public override int Status => recorded.Status;

        public override string ReasonPhrase => recorded.ReasonPhrase;

        public override Stream? ContentStream { get; set; } = new MemoryStream(recorded.Body, writable: false);

        public override string ClientRequestId { get; set; } = clientRequestId;

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => recorded.Headers.Any(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => recorded.Headers.Select(h => new HttpHeader(h.Name, h.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
        {
            value = recorded.Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
            return value is not null;
        }

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = TryGetHeader(name, out var value) ? value.Split(',') : null;
            return values is not null;
        }
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }
    }
}
