using ModelContextProtocol;
using ModelContextProtocol.Client;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Vault;

namespace Platform.Tests.Security;

/// <summary>
/// An unknown tool or resource is an ordinary client mistake: the edge writes one informational line about it, never
/// an error with a stack trace (which made every typo of an agent look like a platform failure).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientMistakeLogTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task An_unknown_tool_or_resource_is_one_information_line_without_a_stack_trace()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ToReplicaAsync(platform, 0, world.AgentToken);
        var tool = $"nowhere{Guid.NewGuid():N}"[..20] + "__probe";
        var resource = $"nowhere{Guid.NewGuid():N}"[..20] + "+memo://x";
        var last = $"nowhere{Guid.NewGuid():N}"[..20] + "__last";

        await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync(tool).AsTask());
        await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync(resource).AsTask());
        await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync(last).AsTask());

        var lines = await ResourceLogs.ReadUntilAsync(platform.App, "mcp-edge-0", last, TimeSpan.FromSeconds(30));
        var ours = lines.SkipWhile(line => !line.Contains(tool, StringComparison.Ordinal)).ToList();

        Assert.Single(ours, line => line.Contains(tool, StringComparison.Ordinal));
        Assert.Single(ours, line => line.Contains(resource, StringComparison.Ordinal));
        Assert.DoesNotContain(ours, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(ours, line => line.Contains("fail:", StringComparison.Ordinal) || line.Contains("Exception", StringComparison.Ordinal));
        // The console logger writes the level and category on the line before the message.
        foreach (var name in new[] { tool, resource })
        {
            var at = lines.ToList().FindIndex(line => line.Contains(name, StringComparison.Ordinal));
            Assert.StartsWith("info:", lines[at - 1].TrimStart(), StringComparison.Ordinal);
        }
    }
}
