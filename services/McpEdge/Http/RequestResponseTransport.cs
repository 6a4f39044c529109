using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Http;

/// <summary>
/// The transport between the SDK server of one request and that request's HTTP response. A request answered with
/// nothing before its result gets the result as one <c>application/json</c> body (one write through every proxy on
/// the way). Anything sent before the result (progress) switches the response to an event stream on the spot, and
/// so does a result that takes longer than <c>streamAfter</c>: headers then go out at once, so a long call never
/// looks like a stalled response, and every later message is written as it happens. Nothing is ever held back.
/// </summary>
public sealed class RequestResponseTransport : TransportBase
{
    private static readonly JsonTypeInfo MessageType = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));
    private static readonly byte[] EventStart = "event: message\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    private readonly HttpResponse _response;
    private readonly TimeSpan _streamAfter;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RequestId _pending;
    private bool _streaming;
    private bool _done;

    public RequestResponseTransport(HttpResponse response, TimeSpan streamAfter, ILoggerFactory loggerFactory)
        : base("mcp-edge-request", loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(response);
        _response = response;
        _streamAfter = streamAfter;
        SetConnected();
    }

    /// <summary>True when the response was written as an event stream (progress came first, or the result was slow).</summary>
    public bool Streamed => _streaming;

    /// <summary>
    /// Hands the message to the server. For a request, completes once its result (or error) is written and answers
    /// true; notifications and responses from the client are only queued, and answer false (the caller sends 202).
    /// </summary>
    public async Task<bool> HandleAsync(JsonRpcMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is not JsonRpcRequest request)
        {
            await WriteMessageAsync(message, cancellationToken);
            return false;
        }
        _pending = request.Id;
        await WriteMessageAsync(message, cancellationToken);
        try
        {
            await _answered.Task.WaitAsync(_streamAfter, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            // Slow: commit the headers now as an event stream, then wait for the result as long as the caller does.
        }
        await _writing.WaitAsync(cancellationToken);
        try
        {
            if (!_done && !_streaming)
            {
                await StartStreamAsync(cancellationToken);
            }
        }
        finally
        {
            _writing.Release();
        }
        await _answered.Task.WaitAsync(cancellationToken);
        return true;
    }

    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _writing.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                // The request was answered; nothing can follow on a stateless response.
                return;
            }
            var final = message is JsonRpcMessageWithId { Id: var id } and (JsonRpcResponse or JsonRpcError) && id == _pending;
            var json = JsonSerializer.SerializeToUtf8Bytes(message, MessageType);
            if (final && !_streaming)
            {
                _response.ContentType = "application/json";
                _response.ContentLength = json.Length;
                await _response.Body.WriteAsync(json, cancellationToken);
            }
            else
            {
                if (!_streaming)
                {
                    await StartStreamAsync(cancellationToken);
                }
                await WriteEventAsync(json, cancellationToken);
            }
            if (final)
            {
                _done = true;
                _answered.TrySetResult();
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public override ValueTask DisposeAsync()
    {
        SetDisconnected();
        _answered.TrySetCanceled();
        return ValueTask.CompletedTask;
    }

    private async Task StartStreamAsync(CancellationToken cancellationToken)
    {
        _streaming = true;
        _response.ContentType = "text/event-stream";
        _response.Headers.CacheControl = "no-cache,no-store";
        _response.Headers.ContentEncoding = "identity";
        _response.Headers["X-Accel-Buffering"] = "no";
        _response.HttpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        await _response.StartAsync(cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }

    private async Task WriteEventAsync(byte[] json, CancellationToken cancellationToken)
    {
        var body = _response.Body;
        await body.WriteAsync(EventStart, cancellationToken);
        await body.WriteAsync(json, cancellationToken);
        await body.WriteAsync(EventEnd, cancellationToken);
        await body.FlushAsync(cancellationToken);
    }
}
