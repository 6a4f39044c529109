using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Platform.McpEdge.Http;

/// <summary>
/// The CORS policy of <c>/mcp</c> for ASP.NET Core's CORS middleware: browser-based MCP clients on an allowed origin
/// may POST with the headers the transport needs (Authorization, Content-Type, Accept, MCP-Protocol-Version) and read
/// every answer, a 401's <c>WWW-Authenticate</c> included. Whether an origin is allowed depends on the request (a
/// loopback origin is allowed only on a request addressed to a loopback host, <see cref="McpRequestChecks"/>), so the
/// policy is built per request rather than fixed at start. No credentials mode: agents send bearer tokens, never cookies.
/// </summary>
public sealed class McpCorsPolicyProvider(McpRequestChecks checks) : ICorsPolicyProvider
{
    public const string PolicyName = "mcp";
    public static readonly IReadOnlyList<string> AllowedHeaders = ["Authorization", "Content-Type", "Accept", "MCP-Protocol-Version", "Last-Event-ID"];
    public static readonly IReadOnlyList<string> ExposedHeaders = ["WWW-Authenticate", "Retry-After", "MCP-Protocol-Version"];
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (policyName != PolicyName)
        {
            return Task.FromResult<CorsPolicy?>(null);
        }
        var origin = context.Request.Headers.Origin.ToString();
        var allowed = origin.Length > 0 && checks.IsAllowedOrigin(context.Request, origin);
        var policy = new CorsPolicyBuilder()
            .SetIsOriginAllowed(_ => allowed)
            .WithMethods(HttpMethods.Post)
            .WithHeaders([.. AllowedHeaders])
            .WithExposedHeaders([.. ExposedHeaders])
            .SetPreflightMaxAge(PreflightMaxAge)
            .Build();
        return Task.FromResult<CorsPolicy?>(policy);
    }
}
