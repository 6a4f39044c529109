namespace Platform.Gateway.RateLimiting;

/// <summary>
/// The limits on <c>/mcp</c> (section <c>Gateway:McpRateLimit</c>): a token bucket per authenticated agent that
/// refills at <see cref="PermitsPerSecond"/> and holds at most <see cref="Burst"/> requests, and a smaller one per
/// client address for requests that do not authenticate as an agent.
/// </summary>
public sealed class McpRateLimitOptions
{
    public int PermitsPerSecond { get; set; } = 1000;

    public int Burst { get; set; } = 2000;

    /// <summary>Requests without a valid agent token, per client address: enough for a client to be told 401, no more.</summary>
    public int UnauthenticatedPermitsPerSecond { get; set; } = 20;

    public int UnauthenticatedBurst { get; set; } = 40;
}
