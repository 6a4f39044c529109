namespace Platform.Gateway;

/// <summary>The front door's limits (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Largest request body accepted, in bytes; larger requests get 413.</summary>
    public long MaxRequestBodySize { get; set; } = 10 * 1024 * 1024;

    /// <summary>How often each mcp-edge replica's <c>/health</c> is probed.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Addresses of proxies in front of the gateway (a cloud load balancer) whose X-Forwarded-* headers are
    /// believed. Empty: the gateway is the edge and ignores any X-Forwarded-* a client sends.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>The per-agent limit on <c>/mcp</c>.</summary>
    public RateLimiting.McpRateLimitOptions McpRateLimit { get; } = new();
}
