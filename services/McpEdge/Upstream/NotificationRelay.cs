#pragma warning disable MCP9005 // MCP logging: deprecated from 2026-07-28 (SEP-2577), but what the revisions the edge speaks (up to 2025-11-25) have.
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Carries the notifications of a request the edge forwards upstream (<c>tools/call</c>, <c>resources/read</c>,
/// <c>prompts/get</c>, <c>completion/complete</c>) to the caller, in the order the upstream sent them, on the caller's
/// response stream: progress under the caller's own token (the upstream is asked under a token of the edge's), and
/// log messages at or above the level the caller asked for, each with the caller's credential hidden. Notifications
/// are heard from the upstream's response stream itself (<see cref="UpstreamNotifications"/>), so every one sent
/// before the result is queued before the result arrives; the queue is drained before the result is handed back, so
/// each reaches the caller before the result does. The queue and its task start with the first notification relayed,
/// so the usual request, whose upstream sends none, pays for neither.
/// </summary>
public sealed class NotificationRelay : IAsyncDisposable
{
    /// <summary>The level relayed when a request names none.</summary>
    public const LoggingLevel DefaultLogLevel = LoggingLevel.Info;

    private readonly McpServer _caller;
    private readonly ProgressToken? _callerToken;
    private readonly LoggingLevel _logLevel;
    private readonly UpstreamCredential _credential;
    private readonly CredentialEchoes _echoes;
    private readonly CancellationToken _ct;
    private readonly Lock _state = new();
    private Channel<JsonRpcNotification>? _queue;
    private Task? _pump;
    private bool _disposed;

    private NotificationRelay(McpServer caller, ProgressToken? callerToken, LoggingLevel logLevel, UpstreamCredential credential, CredentialEchoes echoes, CancellationToken ct)
    {
        (_caller, _callerToken, _logLevel, _credential, _echoes, _ct) = (caller, callerToken, logLevel, credential, echoes, ct);
        UpstreamToken = new ProgressToken(Guid.NewGuid().ToString("N"));
    }

    /// <summary>The token the upstream request carries in <c>_meta.progressToken</c> (when the caller asked for progress).</summary>
    private ProgressToken UpstreamToken { get; }

    /// <summary>
    /// Sends one request upstream with its notifications relayed to the caller of <paramref name="request"/>:
    /// <paramref name="send"/> gets the <c>_meta</c> the upstream request carries (<see cref="UpstreamMeta"/>), and
    /// its result is returned only after every notification heard before it has been sent on. The level is the one
    /// the request asks for in <c>_meta["io.modelcontextprotocol/logLevel"]</c> (the protocol's per-request log
    /// level), or <see cref="DefaultLogLevel"/>: the edge is stateless and keeps no level between requests. Progress
    /// is relayed when the request carries a <c>_meta.progressToken</c>.
    /// </summary>
    public static async Task<T> SendAsync<TParams, T>(
        RequestContext<TParams> request, UpstreamCredential credential, CredentialEchoes echoes, Func<JsonObject, ValueTask<T>> send, CancellationToken ct)
        where TParams : RequestParams
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(echoes);
        ArgumentNullException.ThrowIfNull(send);
        await using var relay = new NotificationRelay(request.Server, request.Params?.ProgressToken, RequestedLevel(request.JsonRpcRequest), credential, echoes, ct);
        // Set here, in this async method, so it holds for the request sent below and ends when this method returns.
        UpstreamNotifications.Listen(relay.Hear);
        return await send(relay.UpstreamMeta());
    }

    /// <summary>Refuses, as invalid params, a request whose <c>_meta</c> names a log level that is not one of the protocol's.</summary>
    public static void CheckLogLevel(JsonRpcRequest request) => RequestedLevel(request);

    /// <summary>The level in the request's <c>_meta</c>, or <see cref="DefaultLogLevel"/>.</summary>
    private static LoggingLevel RequestedLevel(JsonRpcRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Params?["_meta"]?[MetaKeys.LogLevel] is not { } level)
        {
            return DefaultLogLevel;
        }
        try
        {
            return JsonSerializer.Deserialize(level, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(LoggingLevel))) as LoggingLevel? ?? DefaultLogLevel;
        }
        catch (JsonException)
        {
            throw new McpProtocolException(
                $"_meta[\"{MetaKeys.LogLevel}\"] must be one of debug, info, notice, warning, error, critical, alert, emergency.", McpErrorCode.InvalidParams);
        }
    }

    /// <summary>The upstream request's <c>_meta</c>: the caller's log level passed on, and the edge's progress token when the caller asked for progress.</summary>
    private JsonObject UpstreamMeta()
    {
        var meta = new JsonObject { [MetaKeys.LogLevel] = JsonSerializer.SerializeToNode(_logLevel, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(LoggingLevel))) };
        if (_callerToken is not null)
        {
            meta["progressToken"] = UpstreamToken.ToString();
        }
        return meta;
    }

    /// <summary>Waits until every notification queued so far has been sent on; nothing is relayed after.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? pump;
        lock (_state)
        {
            _disposed = true;
            _queue?.Writer.TryComplete();
            pump = _pump;
        }
        if (pump is not null)
        {
            await pump;
        }
    }

    /// <summary>Called in stream order, before the bytes after the notification reach the MCP client.</summary>
    private void Hear(JsonRpcNotification notification)
    {
        switch (notification.Method)
        {
            case NotificationMethods.ProgressNotification when _callerToken is { } callerToken
                && Parse<ProgressNotificationParams>(notification) is { } progress && progress.ProgressToken == UpstreamToken:
                var relayed = _echoes.Scrub(new ProgressNotificationParams { ProgressToken = callerToken, Progress = progress.Progress }, _credential);
                Queue(Notification(NotificationMethods.ProgressNotification, relayed));
                break;
            case NotificationMethods.LoggingMessageNotification
                when Parse<LoggingMessageNotificationParams>(notification) is { } message && message.Level >= _logLevel:
                Queue(Notification(NotificationMethods.LoggingMessageNotification, _echoes.Scrub(message, _credential)));
                break;
        }
    }

    /// <summary>
    /// Queues a notification for the caller. The queue and the task that empties it start with the first one: most
    /// upstream requests send no notification, and then cost neither.
    /// </summary>
    private void Queue(JsonRpcNotification notification)
    {
        lock (_state)
        {
            if (_disposed)
            {
                return;
            }
            if (_queue is null)
            {
                _queue = Channel.CreateUnbounded<JsonRpcNotification>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
                _pump = PumpAsync(_queue.Reader);
            }
            _queue.Writer.TryWrite(notification);
        }
    }

    private async Task PumpAsync(ChannelReader<JsonRpcNotification> queue)
    {
        await foreach (var notification in queue.ReadAllAsync(CancellationToken.None))
        {
            if (_ct.IsCancellationRequested)
            {
                continue;
            }
            try
            {
                await _caller.SendMessageAsync(notification, _ct);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The caller went away; the call itself decides what happens next.
            }
        }
    }

    private static T? Parse<T>(JsonRpcNotification notification) where T : class
    {
        try
        {
            return notification.Params is null ? null : JsonSerializer.Deserialize(notification.Params, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T))) as T;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonRpcNotification Notification<T>(string method, T parameters) => new()
    {
        Method = method,
        Params = JsonSerializer.SerializeToNode(parameters, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T))),
    };
}
