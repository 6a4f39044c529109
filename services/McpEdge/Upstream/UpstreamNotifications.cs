using ModelContextProtocol.Protocol;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// Who hears the notifications an upstream sends on the response stream of a request made in this async flow. The
/// SDK's client hands each message it reads to its own task, so a notification handler registered on the session
/// may run after the result it preceded has already ended the call (and on a session shared by concurrent calls
/// it cannot tell whose notification it is). The stream itself knows both: <see cref="NotificationTapHandler"/>
/// reads it in order and calls the listener of the flow that sent the request, before the result gets past.
/// </summary>
public static class UpstreamNotifications
{
    private static readonly AsyncLocal<Action<JsonRpcNotification>?> Listener = new();

    /// <summary>The listener of the current flow, or null.</summary>
    public static Action<JsonRpcNotification>? Current => Listener.Value;

    /// <summary>
    /// Makes <paramref name="listener"/> hear the notifications of requests sent from here on in this flow (set in a
    /// synchronous call, so it holds in the calling async method until that method returns).
    /// </summary>
    public static void Listen(Action<JsonRpcNotification> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        Listener.Value = listener;
    }
}
