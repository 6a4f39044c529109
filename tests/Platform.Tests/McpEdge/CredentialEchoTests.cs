using System.Security.Cryptography;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.McpEdge;

/// <summary>An upstream that quotes the credential it was sent: the agent never sees the credential come back.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CredentialEchoTests(DistributedApplicationFixture platform)
{
    private const string Marker = "[REDACTED:";

    [Fact]
    public async Task A_credential_quoted_by_the_upstream_never_reaches_the_agent()
    {
        var key = "echo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var tenant = await new RegistryPlatform(platform).CreateTenantAsync("echo");
        var subject = await tenant.CreateIdentityAsync("owner");
        var (_, token) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("caller", subject));
        await using var upstream = await TestUpstream.StartPerRequestAsync(EchoingUpstream.Create, requiredBearer: key);
        var install = await EdgeWorld.CreateInstallAsync(tenant, "echoing", upstream.Endpoint, staticHeader: "Authorization");
        await tenant.CreateCredentialAsync(install, subject, key);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, token);

        var tools = await client.ListToolsAsync();
        var whoami = await client.CallToolAsync("echoing__whoami");
        var reject = await client.CallToolAsync("echoing__reject");
        var explode = await client.CallToolAsync("echoing__explode");
        var resource = await client.ReadResourceAsync("echoing+echo://header");

        // The upstream did receive the key (so it had something to quote)...
        Assert.Contains($"Bearer {key}", upstream.Authorizations);
        // ...and every answer the agent got has it hidden.
        var seen = new[]
        {
            JsonSerializer.Serialize(tools.Select(t => t.ProtocolTool), McpJsonUtilities.DefaultOptions),
            JsonSerializer.Serialize(whoami, McpJsonUtilities.DefaultOptions),
            JsonSerializer.Serialize(reject, McpJsonUtilities.DefaultOptions),
            JsonSerializer.Serialize(explode, McpJsonUtilities.DefaultOptions),
            JsonSerializer.Serialize(resource, McpJsonUtilities.DefaultOptions),
        };
        Assert.All(seen, answer =>
        {
            Assert.DoesNotContain(key, answer, StringComparison.Ordinal);
            Assert.Contains(Marker, answer, StringComparison.Ordinal);
        });
        Assert.StartsWith("you called with [REDACTED:", Assert.IsType<TextContentBlock>(Assert.Single(whoami.Content)).Text, StringComparison.Ordinal);
        Assert.True(reject.IsError);
        Assert.True(explode.IsError);

        // Nor does the edge's own log have it: the same refusals on replica 0, then a marker that replica logs after them.
        await using var pinned = await EdgeClients.ToReplicaAsync(platform, 0, token);
        Assert.True((await pinned.CallToolAsync("echoing__reject")).IsError);
        Assert.True((await pinned.CallToolAsync("echoing__explode")).IsError);
        var marker = "no-such-tool-" + Guid.NewGuid().ToString("N");
        await Assert.ThrowsAsync<McpProtocolException>(() => pinned.CallToolAsync(marker).AsTask());
        var log = await platform.App.ReadLogUntilAsync("mcp-edge-0", marker, TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(log, line => line.Contains(key, StringComparison.Ordinal));
    }
}
