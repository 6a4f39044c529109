using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.McpEdge;

/// <summary>An upstream answering 50 MiB: the call fails naming the limit, and the edge replica stays up for everyone.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BoundedResponseTests(DistributedApplicationFixture platform)
{
    private const int HugeBytes = 50 * 1024 * 1024;

    private static McpServerOptions Flooding() => new()
    {
        ServerInfo = new Implementation { Name = "flooding", Version = "1.0.0" },
        ToolCollection =
        [
            McpServerTool.Create(() => new string('x', HugeBytes), new() { Name = "huge", Description = "Answers 50 MiB." }),
            McpServerTool.Create((string text) => text, new() { Name = "echo", Description = "Echoes." }),
        ],
    };

    [Fact]
    public async Task A_50_MiB_answer_is_cut_off_with_an_error_naming_the_limit_and_the_replica_stays_healthy()
    {
        var tenant = await new RegistryPlatform(platform).CreateTenantAsync("bounded");
        var subject = await tenant.CreateIdentityAsync("owner");
        var (_, token) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("caller", subject));
        await using var upstream = await TestUpstream.StartAsync(Flooding);
        await EdgeWorld.CreateInstallAsync(tenant, "flooding", upstream.Endpoint);
        await using var client = await EdgeClients.ToReplicaAsync(platform, 0, token);

        var huge = await client.CallToolAsync("flooding__huge");

        Assert.True(huge.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(huge.Content)).Text;
        Assert.Contains("McpEdge:MaxUpstreamResponseBytes", text, StringComparison.Ordinal);
        Assert.True(text.Length < 1000);
        await platform.WaitForResourceHealthyAsync("mcp-edge-0", TimeSpan.FromSeconds(30));
        var echo = await client.CallToolAsync("flooding__echo", new Dictionary<string, object?> { ["text"] = "still here" });
        Assert.Equal("still here", Assert.IsType<TextContentBlock>(Assert.Single(echo.Content)).Text);
    }
}
