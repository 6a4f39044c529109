using System.Text.Json;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Platform.McpEdge.Tools;

/// <summary>
/// Carries an upstream call's progress notifications to the caller as they arrive: the upstream is asked for
/// progress under a token of the edge's own, each notification for that token is queued, and a pump sends them,
/// in order, on the caller's response stream under the caller's token. Disposing drains the queue, so every
/// notification reaches the caller before the result does.
/// </summary>
public sealed class ProgressRelay : IAsyncDisposable
{
    private readonly Channel<ProgressNotificationValue> _queue = Channel.CreateUnbounded<ProgressNotificationValue>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IAsyncDisposable _registration;
    private readonly Task _pump;

    private ProgressRelay(McpClient upstream, McpServer caller, ProgressToken callerToken, CancellationToken ct)
    {
        UpstreamToken = new ProgressToken(Guid.NewGuid().ToString("N"));
        _registration = upstream.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            if (JsonSerializer.Deserialize(notification.Params, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProgressNotificationParams))) is ProgressNotificationParams progress
                && progress.ProgressToken == UpstreamToken)
            {
                _queue.Writer.TryWrite(progress.Progress);
            }
            return default;
        });
        _pump = PumpAsync(caller, callerToken, ct);
    }

    /// <summary>The token the upstream request carries in <c>_meta.progressToken</c>.</summary>
    public ProgressToken UpstreamToken { get; }

    public static ProgressRelay Start(McpClient upstream, McpServer caller, ProgressToken callerToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(caller);
        return new ProgressRelay(upstream, caller, callerToken, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _registration.DisposeAsync();
        _queue.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync(McpServer caller, ProgressToken callerToken, CancellationToken ct)
    {
        await foreach (var progress in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (ct.IsCancellationRequested)
            {
                continue;
            }
            try
            {
                await caller.NotifyProgressAsync(callerToken, progress, cancellationToken: ct);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The caller went away; the call itself decides what happens next.
            }
        }
    }
}
