using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>What an agent sees through the gateway: namespaced tools of every install its subject may use, and more.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CatalogTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Tools_are_namespaced_by_install_and_keep_their_definitions()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var tools = (await client.ListToolsAsync()).Select(t => t.ProtocolTool).ToDictionary(t => t.Name);

        Assert.Contains("platform__list_integrations", tools.Keys);
        Assert.Contains("alpha__echo", tools.Keys);
        Assert.Contains("beta__echo", tools.Keys);
        var echo = tools["alpha__echo"];
        Assert.Equal("Echoes the text back.", echo.Description);
        Assert.Equal("Echo", echo.Title);
        Assert.True(echo.Annotations?.ReadOnlyHint);
        Assert.True(echo.Annotations?.IdempotentHint);
        Assert.Equal("string", echo.InputSchema.GetProperty("properties").GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("Text to send back", echo.InputSchema.GetProperty("properties").GetProperty("text").GetProperty("description").GetString());
        Assert.NotNull(tools["alpha__weather"].OutputSchema);
    }

    [Fact]
    public async Task Denied_tools_and_unusable_installs_are_not_listed()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();

        Assert.DoesNotContain("alpha__admin_delete", names);
        Assert.DoesNotContain(names, n => n.StartsWith("unconnected__", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("down__", StringComparison.Ordinal));
        Assert.All(names, name => Assert.Matches("^[A-Za-z0-9_.-]{1,128}$", name));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task Tools_list_pages_with_cursors()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");
        var names = new List<string>();
        string? cursor = null;
        var pages = 0;

        do
        {
            var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("tools/list", cursor is null ? new { } : new { cursor }));
            var result = Assert.Single(response.Messages).GetProperty("result");
            names.AddRange(result.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!));
            cursor = result.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.True(pages >= 2, $"expected several pages, got {pages}");
        Assert.Equal(UpstreamServers.BulkToolCount, names.Count(n => n.StartsWith("bulk__tool_", StringComparison.Ordinal)));
        Assert.Equal(names.Count, names.Distinct().Count());
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);
        Assert.Equal(names, (await client.ListToolsAsync()).Select(t => t.Name).ToList());
    }

    [Fact]
    public async Task A_bad_cursor_is_invalid_params()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("tools/list", new { cursor = "not-ours" }));

        Assert.Equal(-32602, Assert.Single(response.Messages).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_upstream_that_is_down_is_left_out_with_its_reason()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var gateway = platform.CreateHttpClient("gateway");

        var response = await McpHttp.PostAsync(gateway, world.AgentToken, McpHttp.Request("tools/list"));

        var result = Assert.Single(response.Messages).GetProperty("result");
        var unavailable = result.GetProperty("_meta").GetProperty("io.platform/unavailable").EnumerateArray().ToList();
        var down = Assert.Single(unavailable, u => u.GetProperty("namespace").GetString() == "down");
        Assert.Contains("cannot be reached", down.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(result.GetProperty("tools").EnumerateArray(), t => t.GetProperty("name").GetString() == "alpha__echo");
    }

    [Fact]
    public async Task List_integrations_tells_what_is_connected_and_available()
    {
        var world = await EdgeWorld.GetAsync(platform);
        // One replica, whose last calls to alpha and beta worked (other tests make alpha fail on purpose, and a
        // source whose last call failed is 'failing': see IntegrationStatusTests).
        await using var client = await EdgeClients.ToReplicaAsync(platform, 0, world.AgentToken);
        await client.CallToolAsync("alpha__echo", new Dictionary<string, object?> { ["text"] = "x" });
        await client.CallToolAsync("beta__echo", new Dictionary<string, object?> { ["text"] = "x" });

        var result = await client.CallToolAsync("platform__list_integrations");

        Assert.NotEqual(true, result.IsError);
        var integrations = result.StructuredContent!.Value.GetProperty("integrations").EnumerateArray()
            .ToDictionary(i => i.GetProperty("namespace").GetString()!);
        Assert.Equal("available", integrations["alpha"].GetProperty("status").GetString());
        Assert.Equal("available", integrations["beta"].GetProperty("status").GetString());
        Assert.True(integrations["beta"].GetProperty("connected").GetBoolean());
        Assert.Equal("not-connected", integrations["unconnected"].GetProperty("status").GetString());
        Assert.False(integrations["unconnected"].GetProperty("connected").GetBoolean());
        Assert.Contains("connect", integrations["unconnected"].GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("unavailable", integrations["down"].GetProperty("status").GetString());
        Assert.Equal("agent", integrations["agent.helper"].GetProperty("kind").GetString());
        Assert.Equal(9, integrations["alpha"].GetProperty("tools").GetInt32());
    }

    [Fact]
    public async Task Resources_prompts_and_completions_are_forwarded_with_namespaces()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        var resources = await client.ListResourcesAsync();
        var templates = await client.ListResourceTemplatesAsync();
        var prompts = await client.ListPromptsAsync();
        var read = await client.ReadResourceAsync("alpha+memo://notes/1");
        var templated = await client.ReadResourceAsync("alpha+memo://notes/42");
        var prompt = await client.GetPromptAsync("alpha__greet", new Dictionary<string, object?> { ["name"] = "Ada" });
        var completion = await client.CompleteAsync(new PromptReference { Name = "alpha__greet" }, "name", "A");

        Assert.Contains(resources, r => r.Uri == "alpha+memo://notes/1");
        Assert.Contains(templates, t => t.UriTemplate == "alpha+memo://notes/{id}");
        Assert.Contains(prompts, p => p.Name == "alpha__greet");
        var contents = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Equal("first note", contents.Text);
        Assert.Equal("alpha+memo://notes/1", contents.Uri);
        Assert.Equal("note 42", Assert.IsType<TextResourceContents>(Assert.Single(templated.Contents)).Text);
        Assert.Contains("Say hello to Ada.", JsonSerializer.Serialize(prompt.Messages, McpJsonUtilities.DefaultOptions), StringComparison.Ordinal);
        Assert.Equal(["Ada", "Alan"], completion.Completion.Values);
    }

    [Fact]
    public async Task Unknown_resources_and_prompts_are_protocol_errors()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);

        await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("nowhere+memo://x").AsTask());
        await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("memo://notes/1").AsTask());
        await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("alpha__nope").AsTask());
    }
}
