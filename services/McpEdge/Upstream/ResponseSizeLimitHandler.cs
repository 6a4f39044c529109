using System.Net;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Stops reading an upstream answer once it passes the byte limit, so one upstream answering without end cannot
/// fill an edge replica's memory for every tenant: a declared length over the limit is refused before the body is
/// read, and any body is cut off (with <see cref="UpstreamResponseTooLargeException"/>) as soon as it goes past it.
/// One per upstream session: the MCP client reports a stream that broke while being read only as a lost
/// connection, so the handler also remembers that it cut one off.
/// </summary>
public sealed class ResponseSizeLimitHandler(HttpMessageHandler inner, long limit) : DelegatingHandler(inner)
{
    private long _exceeded;

    private long Limit => limit;

    /// <summary>The limit, once an answer of this session went past it; otherwise null.</summary>
    public long? ExceededLimit => Interlocked.Read(ref _exceeded) == 0 ? null : limit;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentLength > limit)
        {
            response.Dispose();
            throw Exceeded();
        }
        var original = response.Content;
        var limited = new StreamContent(new LimitedStream(await original.ReadAsStreamAsync(cancellationToken), this));
        foreach (var header in original.Headers)
        {
            limited.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        response.Content = limited;
        return response;
    }

    private UpstreamResponseTooLargeException Exceeded()
    {
        Interlocked.Exchange(ref _exceeded, 1);
        return new UpstreamResponseTooLargeException(limit);
    }

    private sealed class LimitedStream(Stream inner, ResponseSizeLimitHandler owner) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => throw new NotSupportedException();
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

        private int Count(int read)
        {
            _read += read;
            return _read > owner.Limit ? throw owner.Exceeded() : read;
        }
    }
}
