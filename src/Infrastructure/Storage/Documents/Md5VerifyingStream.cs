using System.Security.Cryptography;

namespace TicketFlow.Infrastructure.Storage.Documents;

/// <summary>
/// Hashes content as it is read and, at the end, compares with the expected MD5 and length. MD5 is what the Blob
/// service stores as Content-MD5: an integrity check, not a security measure.
/// </summary>
internal sealed class Md5VerifyingStream(Stream inner, byte[] expectedHash, long expectedLength, Uri blobUri) : Stream
{
#pragma warning disable CA5351 // The Blob service's Content-MD5 is MD5 by protocol; it guards integrity, not secrecy.
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
    private long _read;
    private bool _verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expectedLength;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        return Account(buffer[..n], buffer.Length);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span[..n], buffer.Length);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> data, int requested)
    {
        _hash.AppendData(data);
        _read += data.Length;
        if (data.Length == 0 && requested > 0 && !_verified)
        {
            _verified = true;
            var actual = _hash.GetHashAndReset();
            if (_read != expectedLength || !CryptographicOperations.FixedTimeEquals(actual, expectedHash))
            {
                throw new BlobContentHashMismatchException(blobUri, Convert.ToBase64String(expectedHash), Convert.ToBase64String(actual));
            }
        }

        return data.Length;
    }
}
