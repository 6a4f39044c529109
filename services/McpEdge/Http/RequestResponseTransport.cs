using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Http;

/// <summary>
/// The transport between the SDK server of one POST and that POST's HTTP response. Results that come back with
/// nothing before them are answered as one <c>application/json</c> body (one write through every proxy on the way):
/// the result object, or for a 2025-03-26 batch the array of results once all are in. Anything sent before the
/// last result (progress) switches the response to an event stream on the spot, and so does a result that takes
/// longer than <c>streamAfter</c>: headers then go out at once, results already in follow as events, so a long call
/// never looks like a stalled response, and every later message is written as it happens.
/// </summary>
public sealed class RequestResponseTransport : TransportBase
{
    private static readonly JsonTypeInfo MessageType = McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));
    private static readonly byte[] EventStart = "event: message\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] ArrayStart = "["u8.ToArray();
    private static readonly byte[] ArraySeparator = ","u8.ToArray();
    private static readonly byte[] ArrayEnd = "]"u8.ToArray();

    private readonly HttpResponse _response;
    private readonly TimeSpan _streamAfter;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<RequestId> _pending = [];
    private readonly List<byte[]> _results = [];
    private bool _batch;
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

    /// <summary>True when the response was written as an event stream (progress came first, or a result was slow).</summary>
    public bool Streamed => _streaming;

    /// <summary>
    /// Hands the messages to the server. When they include requests, completes once every one of them has its
    /// result (or error) written and answers true; notifications and responses from the client are only queued,
    /// and answer false (the caller sends 202).
    /// </summary>
    public async Task<bool> HandleAsync(JsonRpcBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        _batch = body.IsBatch;
        foreach (var request in body.Messages.OfType<JsonRpcRequest>())
        {
            _pending.Add(request.Id);
        }
        var expectsResults = _pending.Count > 0;
        foreach (var message in body.Messages)
        {
            await WriteMessageAsync(message, cancellationToken);
        }
        if (!expectsResults)
        {
            return false;
        }
        try
        {
            await _answered.Task.WaitAsync(_streamAfter, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            // Slow: commit the headers now as an event stream, then wait for the results as long as the caller does.
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
                // Every request was answered; nothing can follow on a stateless response.
                return;
            }
            var result = message is JsonRpcMessageWithId { Id: var id } and (JsonRpcResponse or JsonRpcError) && _pending.Remove(id);
            var json = JsonSerializer.SerializeToUtf8Bytes(message, MessageType);
            if (result && !_streaming)
            {
                _results.Add(json);
                if (_pending.Count == 0)
                {
                    await WriteJsonAsync(cancellationToken);
                }
            }
            else
            {
                if (!_streaming)
                {
                    await StartStreamAsync(cancellationToken);
                }
                await WriteEventAsync(json, cancellationToken);
            }
            if (_pending.Count == 0)
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

    private async Task WriteJsonAsync(CancellationToken cancellationToken)
    {
        _response.ContentType = "application/json";
        if (!_batch)
        {
            _response.ContentLength = _results[0].Length;
            await _response.Body.WriteAsync(_results[0], cancellationToken);
            return;
        }
        _response.ContentLength = _results.Sum(r => r.Length) + _results.Count + 1;
        var body = _response.Body;
        for (var i = 0; i < _results.Count; i++)
        {
            await body.WriteAsync(i == 0 ? ArrayStart : ArraySeparator, cancellationToken);
            await body.WriteAsync(_results[i], cancellationToken);
        }
        await body.WriteAsync(ArrayEnd, cancellationToken);
    }

    /// <summary>Switches to an event stream: headers go out now, then the results that were already in.</summary>
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
        foreach (var json in _results)
        {
            await WriteEventAsync(json, cancellationToken);
        }
        _results.Clear();
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
