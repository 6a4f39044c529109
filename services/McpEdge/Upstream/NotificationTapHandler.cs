using System.Buffers;
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
    /// complete event whose data is a JSON-RPC notification goes to the listener. Read as UTF-8 bytes (CR and LF are
    /// never part of a multi-byte character): a line within one read is looked at where it lies, only a line split
    /// across reads is copied, and an event is parsed only when its data names a <c>"method"</c>, so a plain result
    /// costs a scan for line ends. An event's data past <see cref="MaxEventBytes"/> is not a notification worth
    /// relaying (a large result) and is not kept.
    /// </summary>
    private sealed class EventReader(Action<JsonRpcNotification> listener)
    {
        private const int MaxEventBytes = 256 * 1024;

        private readonly ArrayBufferWriter<byte> _line = new();
        private readonly ArrayBufferWriter<byte> _data = new();
        private bool _afterCarriageReturn;
        private bool _lineTooLong;
        private bool _eventTooLong;

        private static ReadOnlySpan<byte> DataField => "data"u8;

        private static ReadOnlySpan<byte> MethodMember => "\"method\""u8;

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            if (_afterCarriageReturn && bytes.Length > 0)
            {
                _afterCarriageReturn = false;
                if (bytes[0] == (byte)'\n')
                {
                    bytes = bytes[1..];
                }
            }
            while (bytes.IndexOfAny((byte)'\r', (byte)'\n') is var end and >= 0)
            {
                if (_line.WrittenCount == 0 && !_lineTooLong)
                {
                    EndLine(bytes[..end]);
                }
                else
                {
                    Keep(bytes[..end]);
                    EndLine(_line.WrittenSpan);
                    _line.ResetWrittenCount();
                }
                _lineTooLong = false;
                if (bytes[end] == (byte)'\r')
                {
                    if (end + 1 == bytes.Length)
                    {
                        _afterCarriageReturn = true;
                    }
                    else if (bytes[end + 1] == (byte)'\n')
                    {
                        end++;
                    }
                }
                bytes = bytes[(end + 1)..];
            }
            Keep(bytes);
        }

        /// <summary>Keeps the start of a line that the next read completes.</summary>
        private void Keep(ReadOnlySpan<byte> part)
        {
            if (_lineTooLong || _line.WrittenCount + part.Length > MaxEventBytes)
            {
                _lineTooLong = true;
                return;
            }
            _line.Write(part);
        }

        private void EndLine(ReadOnlySpan<byte> line)
        {
            if (_lineTooLong)
            {
                _eventTooLong = true;
                return;
            }
            if (line.Length == 0)
            {
                EndEvent();
                return;
            }
            if (!line.StartsWith(DataField) || (line.Length > 4 && line[4] != (byte)':'))
            {
                return; // Another field (event, id, retry) or a comment.
            }
            var value = line.Length > 5 && line[5] == (byte)' ' ? line[6..] : line.Length > 5 ? line[5..] : [];
            if (_eventTooLong || _data.WrittenCount + value.Length > MaxEventBytes)
            {
                _eventTooLong = true;
                return;
            }
            if (_data.WrittenCount > 0)
            {
                _data.Write("\n"u8);
            }
            _data.Write(value);
        }

        private void EndEvent()
        {
            var skip = _eventTooLong;
            _eventTooLong = false;
            if (!skip && _data.WrittenSpan.IndexOf(MethodMember) >= 0)
            {
                try
                {
                    if (JsonSerializer.Deserialize(_data.WrittenSpan, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage))) is JsonRpcNotification notification)
                    {
                        listener(notification);
                    }
                }
                catch (JsonException)
                {
                    // Not JSON-RPC: the MCP client reports it.
                }
            }
            _data.ResetWrittenCount();
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
