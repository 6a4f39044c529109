using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// Per-agent rate limit of the MCP route, enforced here because the gateway is the one place that sees every
/// request of an agent: the edge runs several stateless replicas, none of which sees an agent's whole traffic,
/// and a request refused here costs no edge or registry work. An agent is told apart by a hash of its bearer
/// token (the token itself is never kept); a request without one by its client address. Refusals are 429 with
/// <c>Retry-After</c> and a JSON-RPC error body, as MCP clients expect from this endpoint.
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
            // Refill ten times a second when the rate allows it, so a burst does not wait a whole second for tokens.
            var (period, tokens) = settings.PermitsPerSecond >= 10
                ? (TimeSpan.FromMilliseconds(100), settings.PermitsPerSecond / 10)
                : (TimeSpan.FromSeconds(1.0 / settings.PermitsPerSecond), 1);
            limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.Burst,
                TokensPerPeriod = tokens,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            limiter.OnRejected = RejectAsync;
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    private static string PartitionKey(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.Length > 0
            ? "agent:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)))
            : "address:" + context.Connection.RemoteIpAddress;
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
