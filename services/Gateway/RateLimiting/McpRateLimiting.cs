using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Platform.IntegrationRegistry.Client.Authentication;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// Per-agent rate limit of the MCP route, enforced here because the gateway is the one place that sees every
/// request of an agent: the edge runs several stateless replicas, none of which sees an agent's whole traffic,
/// and a request refused here costs no edge work. An agent is told apart by the agent its token authenticates as
/// (the registry's <c>AgentToken</c> scheme, cached), so neither another spelling of the header nor another token of
/// the same agent opens a fresh bucket; a request that does not authenticate shares the smaller bucket of its client
/// address, so a flood of made-up tokens is limited as one client. Refusals are 429 with <c>Retry-After</c> and a
/// JSON-RPC error body, as MCP clients expect from this endpoint.
/// </summary>
public static class McpRateLimiting
{
    public const string PolicyName = "mcp-per-agent";

    public static IServiceCollection AddMcpRateLimiting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<GatewayOptions>>((limiter, gateway) =>
        {
            var settings = gateway.Value.McpRateLimit;
            var agents = Bucket(settings.PermitsPerSecond, settings.Burst);
            var addresses = Bucket(settings.UnauthenticatedPermitsPerSecond, settings.UnauthenticatedBurst);
            limiter.AddPolicy(PolicyName, context => context.User.FindFirst(RegistryClaimTypes.AgentId)?.Value is { Length: > 0 } agentId
                ? RateLimitPartition.GetTokenBucketLimiter("agent:" + agentId, _ => agents)
                : RateLimitPartition.GetTokenBucketLimiter("address:" + context.Connection.RemoteIpAddress, _ => addresses));
            limiter.OnRejected = RejectAsync;
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>Refills ten times a second when the rate allows it, so a burst does not wait a whole second for tokens.</summary>
    private static TokenBucketRateLimiterOptions Bucket(int permitsPerSecond, int burst)
    {
        var (period, tokens) = permitsPerSecond >= 10
            ? (TimeSpan.FromMilliseconds(100), permitsPerSecond / 10)
            : (TimeSpan.FromSeconds(1.0 / permitsPerSecond), 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "application/json";
        await response.WriteAsync(
            """{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"Too many requests from this agent; retry after the time in the Retry-After header."}}""",
            ct);
    }
}
