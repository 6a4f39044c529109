using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Hands the notifications in an upstream's event-stream answer to the listener of the request's flow
/// (<see cref="UpstreamNotifications"/>), in order, as the bytes pass on to the MCP client: a notification is heard
/// before the client can see the result that follows it. Only requests sent with a listener are tapped.
/// </summary>
public sealed class NotificationTapHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var listener = UpstreamNotifications.Current;
        var response = await base.SendAsync(request, cancellationToken);
        if (listener is null || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return response;
        }
        var original = response.Content;
        var tapped = new StreamContent(new TapStream(await original.ReadAsStreamAsync(cancellationToken), new EventReader(listener)));
        foreach (var header in original.Headers)
        {
            tapped.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        response.Content = tapped;
        return response;
    }

    /// <summary>
    /// The server-sent events format, line by line (CR, LF or CRLF), as far as the <c>data</c> of each event: each
    /// complete event whose data is a JSON-RPC notification goes to the listener. An event's data past
    /// <see cref="MaxEventChars"/> is not a notification worth relaying (a large result) and is not kept.
    /// </summary>
    private sealed class EventReader(Action<JsonRpcNotification> listener)
    {
        private const int MaxEventChars = 256 * 1024;

        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private readonly StringBuilder _line = new();
        private readonly StringBuilder _data = new();
        private bool _afterCarriageReturn;
        private bool _tooLong;
        private char[] _chars = new char[4096];

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            var needed = _decoder.GetCharCount(bytes, flush: false);
            if (_chars.Length < needed)
            {
                _chars = new char[needed];
            }
            var count = _decoder.GetChars(bytes, _chars, flush: false);
            foreach (var c in _chars.AsSpan(0, count))
            {
                if (c == '\n' && _afterCarriageReturn)
                {
                    _afterCarriageReturn = false;
                    continue;
                }
                _afterCarriageReturn = c == '\r';
                if (c is '\r' or '\n')
                {
                    EndLine();
                }
                else if (_line.Length < MaxEventChars)
                {
                    _line.Append(c);
                }
                else
                {
                    _tooLong = true;
                }
            }
        }

        private void EndLine()
        {
            var line = _line.ToString();
            _line.Clear();
            if (line.Length == 0)
            {
                EndEvent();
                return;
            }
            if (!line.StartsWith("data", StringComparison.Ordinal) || (line.Length > 4 && line[4] != ':'))
            {
                return; // Another field (event, id, retry) or a comment.
            }
            var value = line.Length > 5 && line[5] == ' ' ? line[6..] : line.Length > 5 ? line[5..] : "";
            if (_tooLong || _data.Length + value.Length > MaxEventChars)
            {
                _tooLong = true;
                return;
            }
            if (_data.Length > 0)
            {
                _data.Append('\n');
            }
            _data.Append(value);
        }

        private void EndEvent()
        {
            var data = _data.ToString();
            var skip = _tooLong;
            _data.Clear();
            _tooLong = false;
            if (skip || !data.Contains("\"method\"", StringComparison.Ordinal))
            {
                return;
            }
            try
            {
                if (JsonSerializer.Deserialize(data, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))) is JsonRpcNotification notification)
                {
                    listener(notification);
                }
            }
            catch (JsonException)
            {
                // Not JSON-RPC: the MCP client reports it.
            }
        }
    }

    private sealed class TapStream(Stream inner, EventReader reader) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Tap(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            return Tap(buffer.Span[..read]);
        }

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

        /// <summary>Every event completed by these bytes is heard before the bytes are handed on.</summary>
        private int Tap(ReadOnlySpan<byte> bytes)
        {
            reader.Feed(bytes);
            return bytes.Length;
        }
    }
}
