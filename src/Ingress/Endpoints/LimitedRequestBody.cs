namespace Cortex.Queue.Ingress.Endpoints;

/// <summary>
/// A request body that refuses to be read past <c>Ingress:MaxRequestBodyBytes</c> (a chunked body has no length to
/// check up front). The ingress enforces its limit here rather than through Kestrel's, which is set higher on purpose:
/// when Kestrel's own limit refuses a body, it closes the connection with the rest of the body unread, and the client
/// can get a connection reset instead of the 413. Below Kestrel's limit, the unread rest is drained and the 413 arrives.
/// </summary>
public sealed class LimitedRequestBody(Stream inner, long maxBytes) : Stream
{
    private long _read;

    /// <summary>Kestrel's limit for an ingress limit of <paramref name="maxBytes"/>: room to drain an oversized body and still answer.</summary>
    public static long KestrelLimitFor(long maxBytes) => maxBytes + Math.Max(maxBytes, 1024 * 1024);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > maxBytes)
        {
            throw new RequestBodyTooLargeException(maxBytes);
        }
        return read;
    }
}
