namespace Platform.Gateway.RateLimiting;

/// <summary>
/// The per-agent limit on <c>/mcp</c> (section <c>Gateway:McpRateLimit</c>): a token bucket per bearer token that
/// refills at <see cref="PermitsPerSecond"/> and holds at most <see cref="Burst"/> requests.
/// </summary>
public sealed class McpRateLimitOptions
{
    public int PermitsPerSecond { get; set; } = 1000;

    public int Burst { get; set; } = 2000;
}
