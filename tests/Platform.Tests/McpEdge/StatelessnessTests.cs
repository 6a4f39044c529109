using System.Text.Json;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>No session lives in a replica: a client initialized on one replica is served by the other alike.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StatelessnessTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Initialize_on_one_replica_then_list_and_call_on_the_other_give_the_same_answers()
    {
        var world = await EdgeWorld.GetAsync(platform);
        using var replica0 = platform.CreateHttpClient("mcp-edge", 0);
        using var replica1 = platform.CreateHttpClient("mcp-edge", 1);
        var initialize = McpHttp.Request("initialize", new { protocolVersion = "2025-11-25", capabilities = new { }, clientInfo = new { name = "t", version = "1" } });
        var call = McpHttp.Request("tools/call", new { name = "beta__echo", arguments = new { text = "same" } });

        var initialized = await McpHttp.PostAsync(replica0, world.AgentToken, initialize, protocolVersion: null);
        var listOn1 = await McpHttp.PostAsync(replica1, world.AgentToken, McpHttp.Request("tools/list"));
        var callOn1 = await McpHttp.PostAsync(replica1, world.AgentToken, call);
        var listOn0 = await McpHttp.PostAsync(replica0, world.AgentToken, McpHttp.Request("tools/list"));
        var callOn0 = await McpHttp.PostAsync(replica0, world.AgentToken, call);

        Assert.Equal("2025-11-25", Assert.Single(initialized.Messages).GetProperty("result").GetProperty("protocolVersion").GetString());
        Assert.Equal(ToolNames(listOn0), ToolNames(listOn1));
        Assert.Contains("beta__echo", ToolNames(listOn1));
        Assert.Equal(Result(callOn0), Result(callOn1));
        Assert.Contains("beta says same", Result(callOn1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sdk_client_connected_to_one_replica_keeps_working_on_the_other()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var onReplica0 = await EdgeClients.ToReplicaAsync(platform, 0, world.AgentToken);
        await using var onReplica1 = await EdgeClients.ToReplicaAsync(platform, 1, world.AgentToken);

        var tools0 = (await onReplica0.ListToolsAsync()).Select(t => t.Name).ToList();
        var tools1 = (await onReplica1.ListToolsAsync()).Select(t => t.Name).ToList();
        var echo = await onReplica1.CallToolAsync("alpha__echo", new Dictionary<string, object?> { ["text"] = "replica" });

        Assert.Equal(tools0, tools1);
        Assert.Equal("replica", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
    }

    private static List<string> ToolNames(McpHttpResponse response) =>
        [.. Assert.Single(response.Messages).GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];

    private static string Result(McpHttpResponse response) => Assert.Single(response.Messages).GetProperty("result").GetRawText();
}
