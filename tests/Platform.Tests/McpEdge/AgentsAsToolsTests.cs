using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.McpEdge;

/// <summary>
/// An agent with its own MCP endpoint is offered as tools only to the agents it lists (nobody by default), and the
/// called agent can verify who calls it, and for whom, against the platform's published JWKS.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentsAsToolsTests(DistributedApplicationFixture platform)
{
    private const string HelperTool = "agent.helper__summarize";

    [Fact]
    public async Task Only_listed_callers_may_use_an_agent_and_the_agent_can_verify_who_calls()
    {
        var registry = new RegistryPlatform(platform);
        var tenant = await registry.CreateTenantAsync("agents");
        var owner = await tenant.CreateIdentityAsync("owner");
        var other = await tenant.CreateIdentityAsync("other");
        var callerAgent = await tenant.CreateAgentAsync("caller", owner);
        var strangerAgent = await tenant.CreateAgentAsync("stranger", other);
        var (_, callerToken) = await tenant.IssueTokenAsync(callerAgent);
        var (_, strangerToken) = await tenant.IssueTokenAsync(strangerAgent);
        await using var helper = await TestUpstream.StartAsync(UpstreamServers.HelperAgent);
        var helperAgent = await tenant.CreateAgentAsync("helper", owner, helper.Endpoint.ToString());

        // Nobody by default.
        await using (var before = await EdgeClients.ThroughGatewayAsync(platform, callerToken))
        {
            Assert.DoesNotContain(HelperTool, (await before.ListToolsAsync()).Select(t => t.Name));
        }
        Assert.Equal(0, helper.Requests);

        // The list takes only other agents of the tenant.
        using (var self = await tenant.Admin.PutAsJsonAsync($"/api/registry/agents/{helperAgent}/callers", new { agentIds = new[] { helperAgent } }))
        {
            await Api.AssertProblemAsync(self, HttpStatusCode.BadRequest, "agentIds");
        }
        using (var foreign = await tenant.Admin.PutAsJsonAsync($"/api/registry/agents/{helperAgent}/callers", new { agentIds = new[] { Guid.NewGuid() } }))
        {
            await Api.AssertProblemAsync(foreign, HttpStatusCode.BadRequest, "agentIds");
        }
        await EdgeWorld.AllowCallersAsync(tenant, helperAgent, callerAgent);
        var listed = (await tenant.GetAsync($"/api/registry/agents/{helperAgent}/callers")).GetProperty("agentIds").EnumerateArray().Select(e => e.GetGuid());
        Assert.Equal([callerAgent], listed);

        await using var caller = await EdgeClients.ThroughGatewayAsync(platform, callerToken);
        await Eventually.UntilAsync(async () => (await caller.ListToolsAsync()).Any(t => t.Name == HelperTool), TimeSpan.FromSeconds(30),
            () => $"{HelperTool} offered to the listed caller");
        var result = await caller.CallToolAsync(HelperTool, new Dictionary<string, object?> { ["text"] = "a long story about tools" });
        Assert.Equal("summary: a long sto", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);

        // The stranger (same tenant, not listed) neither sees nor reaches the agent.
        var requestsBefore = helper.Requests;
        await using (var stranger = await EdgeClients.ThroughGatewayAsync(platform, strangerToken))
        {
            Assert.DoesNotContain(HelperTool, (await stranger.ListToolsAsync()).Select(t => t.Name));
            var refused = await Assert.ThrowsAsync<McpProtocolException>(() => stranger.CallToolAsync(HelperTool, new Dictionary<string, object?> { ["text"] = "x" }).AsTask());
            Assert.Equal(McpErrorCode.InvalidParams, refused.ErrorCode);
        }
        Assert.Equal(requestsBefore, helper.Requests);

        // The helper verifies who called, and for whom, with the platform's JWKS.
        var presented = helper.Authorizations.Last();
        Assert.StartsWith("Bearer ", presented, StringComparison.Ordinal);
        using var anonymous = registry.Gateway(null);
        var jwks = new JsonWebKeySet(await anonymous.GetStringAsync("/api/registry/jwks.json"));
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "urn:platform:mcp-edge",
            ValidAudience = helper.Endpoint.AbsoluteUri,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        };
        var handler = new JsonWebTokenHandler();
        var validated = await handler.ValidateTokenAsync(presented["Bearer ".Length..], parameters);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal(callerAgent.ToString(), validated.Claims["sub"]);
        Assert.Equal(owner.ToString(), validated.Claims["person"]);
        Assert.Equal(tenant.Id.ToString(), validated.Claims["tenant"]);
        Assert.Equal(helperAgent.ToString(), validated.Claims["called_agent"]);

        // A token claiming another person fails verification.
        var parts = presented["Bearer ".Length..].Split('.');
        var forged = Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace(owner.ToString(), other.ToString(), StringComparison.Ordinal));
        Assert.False((await handler.ValidateTokenAsync($"{parts[0]}.{forged}.{parts[2]}", parameters)).IsValid);
        // Nor is it good for another agent.
        Assert.False((await handler.ValidateTokenAsync(presented["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = "urn:platform:mcp-edge", ValidAudience = "http://127.0.0.1:1/mcp", IssuerSigningKeys = jwks.GetSigningKeys(),
        })).IsValid);
    }
}
