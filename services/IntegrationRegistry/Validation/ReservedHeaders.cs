using System.Collections.Frozen;

namespace Platform.IntegrationRegistry.Validation;

/// <summary>
/// Headers a <c>static</c> auth method may not carry its key in: the ones HTTP itself and the platform's transport
/// set (framing, connection, host), and those that would speak for a client, a proxy or a session (cookies,
/// forwarding, proxy authentication). Sending a tenant's value in them would smuggle requests or impersonate.
/// </summary>
public static class ReservedHeaders
{
    private static readonly FrozenSet<string> Names = FrozenSet.ToFrozenSet(
    [
        "Host", "Content-Length", "Content-Type", "Content-Encoding", "Transfer-Encoding", "Connection", "Upgrade", "Cookie",
        "Set-Cookie", "Forwarded", "TE", "Trailer", "Keep-Alive", "Via", "Expect", "Accept", "Accept-Encoding", "Origin",
        "Referer", "Mcp-Session-Id", "Mcp-Protocol-Version", "Last-Event-ID", "Traceparent", "Tracestate", "Baggage",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Prefixes = ["Proxy-", "X-Forwarded-", "Sec-"];

    public static bool IsReserved(string headerName)
    {
        ArgumentNullException.ThrowIfNull(headerName);
        return Names.Contains(headerName) || Prefixes.Any(p => headerName.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
