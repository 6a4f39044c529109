using System.Diagnostics;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>tools/call through the gateway with the SDK's client, against real upstream MCP servers.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ToolCallTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Names_route_by_namespace_to_their_own_upstream()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var alpha = await client.CallToolAsync("alpha__echo", new Dictionary<string, object?> { ["text"] = "hi" });
        var beta = await client.CallToolAsync("beta__echo", new Dictionary<string, object?> { ["text"] = "hi" });

        Assert.Equal("hi", Text(alpha));
        Assert.Equal("beta says hi", Text(beta));
    }

    [Fact]
    public async Task The_static_credential_reaches_only_its_upstream()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        await client.CallToolAsync("beta__echo", new Dictionary<string, object?> { ["text"] = "x" });
        await client.CallToolAsync("alpha__echo", new Dictionary<string, object?> { ["text"] = "x" });

        Assert.Contains($"Bearer {world.BetaToken}", world.Beta.Authorizations);
        Assert.All(world.Alpha.Authorizations, header => Assert.Equal("", header));
        Assert.DoesNotContain(world.Beta.Authorizations, header => header.StartsWith("Service ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_flows_back_before_the_result()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);
        var seen = new List<(ProgressNotificationValue Value, long At)>();
        var clock = Stopwatch.StartNew();

        var result = await client.CallToolAsync(
            "alpha__progress",
            new Dictionary<string, object?> { ["steps"] = 4, ["delayMs"] = 150 },
            new SynchronousProgress(value => { lock (seen) { seen.Add((value, clock.ElapsedMilliseconds)); } }));
        var finished = clock.ElapsedMilliseconds;

        Assert.Equal("done after 4 steps", Text(result));
        Assert.Equal([1d, 2d, 3d, 4d], seen.Select(s => (double)s.Value.Progress));
        Assert.Equal("step 1 of 4", seen[0].Value.Message);
        Assert.Equal(4d, (double?)seen[0].Value.Total);
        // Streamed, not buffered: the first notification arrives while the upstream still has ~450 ms of steps to go.
        Assert.True(finished - seen[0].At >= 300, $"first progress at {seen[0].At} ms, result at {finished} ms: progress was buffered");
    }

    [Fact]
    public async Task Images_and_embedded_resources_pass_through()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var image = await client.CallToolAsync("alpha__image");
        var resource = await client.CallToolAsync("alpha__resource");
        var weather = await client.CallToolAsync("alpha__weather", new Dictionary<string, object?> { ["city"] = "Oslo" });

        var png = Assert.IsType<ImageContentBlock>(Assert.Single(image.Content));
        Assert.Equal("image/png", png.MimeType);
        Assert.Equal(UpstreamServers.Png, png.DecodedData.ToArray());
        var embedded = Assert.IsType<EmbeddedResourceBlock>(resource.Content[0]);
        Assert.Equal("first note", Assert.IsType<TextResourceContents>(embedded.Resource).Text);
        var link = Assert.IsType<ResourceLinkBlock>(resource.Content[1]);
        Assert.Equal("alpha+memo://notes/1", link.Uri);
        Assert.Equal("first note", Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync(link.Uri)).Contents)).Text);
        Assert.Equal(21.5, weather.StructuredContent!.Value.GetProperty("celsius").GetDouble());
    }

    [Fact]
    public async Task Failures_come_back_as_tool_results_a_person_can_act_on()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var toolError = await client.CallToolAsync("alpha__fail");
        var upstreamError = await client.CallToolAsync("alpha__explode");
        var notConnected = await client.CallToolAsync("unconnected__echo", new Dictionary<string, object?> { ["text"] = "x" });
        var down = await client.CallToolAsync("down__anything");

        Assert.True(toolError.IsError);
        Assert.Equal("the widget is broken", Text(toolError));
        Assert.True(upstreamError.IsError);
        Assert.Contains("the upstream exploded", Text(upstreamError), StringComparison.Ordinal);
        Assert.True(notConnected.IsError);
        Assert.StartsWith("Not connected: connect Unconnected MCP", Text(notConnected), StringComparison.Ordinal);
        Assert.True(down.IsError);
        Assert.Contains("Down MCP cannot be reached", Text(down), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_over_the_install_timeout_is_cancelled_with_a_clear_message()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);
        var clock = Stopwatch.StartNew();

        var result = await client.CallToolAsync("alpha__slow", new Dictionary<string, object?> { ["seconds"] = 30 });

        Assert.True(result.IsError);
        Assert.Contains($"did not answer within {EdgeWorld.AlphaTimeoutSeconds} s", Text(result), StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, EdgeWorld.AlphaTimeoutSeconds - 0.5, EdgeWorld.AlphaTimeoutSeconds + 10);
    }

    [Theory]
    [InlineData("alpha__nope")]
    [InlineData("alpha__admin_delete")]
    [InlineData("nowhere__echo")]
    [InlineData("echo")]
    [InlineData("platform__nope")]
    public async Task Unknown_and_denied_tools_are_invalid_params(string name)
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync(name).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("Unknown tool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_agents_of_the_tenant_are_offered_as_tools()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        var result = await client.CallToolAsync("agent.helper__summarize", new Dictionary<string, object?> { ["text"] = "a long story about tools" });

        Assert.Contains("agent.helper__summarize", tools);
        Assert.DoesNotContain(tools, t => t.StartsWith("agent.caller__", StringComparison.Ordinal));
        Assert.Equal("summary: a long sto", Text(result));
    }

    [Fact]
    public async Task The_dev_agent_token_works_with_a_default_sdk_client()
    {
        var registry = new Registry.RegistryPlatform(platform);
        var dev = registry.Dev;
        var world = await EdgeWorld.GetAsync(platform);
        using var devAdmin = new Registry.TestTenant(dev.Tenant.Id, dev.Tenant.Slug!, dev.AdminKey, registry);
        var slug = "edge-dev-" + Guid.NewGuid().ToString("N")[..6];
        await EdgeWorld.CreateInstallAsync(devAdmin, slug, world.Alpha.Endpoint);

        // No pinned protocol version: the SDK first tries its newest revision and falls back when the edge refuses it.
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, dev.AgentToken, protocolVersion: null);
        var result = await client.CallToolAsync($"{slug}__echo", new Dictionary<string, object?> { ["text"] = "dev" });

        Assert.Equal("2025-11-25", client.NegotiatedProtocolVersion);
        Assert.Equal("dev", Text(result));
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    private sealed class SynchronousProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => report(value);
    }
}
