using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.McpEdge.Http;

namespace Platform.McpEdge.Tests;

/// <summary>The policy ASP.NET Core's CORS middleware applies to <c>/mcp</c>, evaluated by its own CORS service.</summary>
public sealed class McpCorsPolicyProviderTests
{
    private const string Listed = "https://agents.example.com";

    [Theory]
    [InlineData("gateway.example.com", Listed)]
    [InlineData("localhost", "http://localhost:6274")]
    [InlineData("127.0.0.1", "http://[::1]:5173")]
    public async Task A_listed_origin_or_a_loopback_origin_on_a_loopback_request_may_read_the_answer(string host, string origin)
    {
        var result = await EvaluateAsync(host, origin);

        Assert.True(result.IsOriginAllowed);
        Assert.Equal(origin, result.AllowedOrigin);
        Assert.False(result.SupportsCredentials);
        Assert.Contains("WWW-Authenticate", result.AllowedExposedHeaders);
    }

    [Theory]
    [InlineData("gateway.example.com", "http://localhost:6274")]
    [InlineData("attacker.example", "http://attacker.example")]
    [InlineData("localhost", "https://elsewhere.example")]
    public async Task Any_other_origin_gets_no_cors_allowance(string host, string origin)
    {
        var result = await EvaluateAsync(host, origin);

        Assert.False(result.IsOriginAllowed);
    }

    [Fact]
    public async Task A_preflight_is_allowed_the_transports_method_and_headers_only()
    {
        var result = await EvaluateAsync("localhost", "http://localhost:6274", preflight: true);

        Assert.True(result.IsPreflightRequest);
        Assert.Equal(["POST"], result.AllowedMethods);
        Assert.Equal(McpCorsPolicyProvider.PreflightMaxAge, result.PreflightMaxAge);
        var policy = await PolicyAsync(Context("localhost", "http://localhost:6274"));
        Assert.Equal(McpCorsPolicyProvider.AllowedHeaders, policy.Headers);
    }

    [Fact]
    public async Task Other_policy_names_are_not_answered()
    {
        var provider = new McpCorsPolicyProvider(Checks());

        Assert.Null(await provider.GetPolicyAsync(Context("localhost", "http://localhost:6274"), "other"));
    }

    private static async Task<CorsResult> EvaluateAsync(string host, string origin, bool preflight = false)
    {
        var context = Context(host, origin);
        if (preflight)
        {
            context.Request.Method = HttpMethods.Options;
            context.Request.Headers.AccessControlRequestMethod = HttpMethods.Post;
            context.Request.Headers.AccessControlRequestHeaders = "authorization, content-type, mcp-protocol-version";
        }
        var service = new CorsService(Options.Create(new CorsOptions()), NullLoggerFactory.Instance);
        return service.EvaluatePolicy(context, await PolicyAsync(context));
    }

    private static async Task<CorsPolicy> PolicyAsync(HttpContext context) =>
        (await new McpCorsPolicyProvider(Checks()).GetPolicyAsync(context, McpCorsPolicyProvider.PolicyName))!;

    private static DefaultHttpContext Context(string host, string origin)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Host = new HostString(host);
        context.Request.Path = McpEndpoint.Path;
        context.Request.Headers.Origin = origin;
        return context;
    }

    private static McpRequestChecks Checks()
    {
        var options = new McpEdgeOptions();
        options.AllowedOrigins.Add(Listed);
        return new McpRequestChecks(Options.Create(options));
    }
}
