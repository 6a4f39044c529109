using System.Net.Http.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.McpEdge;

/// <summary>
/// Pooled upstream sessions follow the install: a new URL means a new session there, never the old one; a call
/// already under way on the old session still gets its answer.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UpstreamSessionTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task After_the_definition_moves_to_another_url_no_call_reaches_the_old_upstream()
    {
        var tenant = await new RegistryPlatform(platform).CreateTenantAsync("sessions");
        var subject = await tenant.CreateIdentityAsync("owner");
        var (_, token) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("caller", subject));
        await using var before = await TestUpstream.StartAsync(UpstreamServers.Alpha);
        await using var after = await TestUpstream.StartAsync(UpstreamServers.Alpha);
        var install = await EdgeWorld.CreateInstallAsync(tenant, "moving", before.Endpoint);
        await using var client = await EdgeClients.ToReplicaAsync(platform, 0, token);
        await client.CallToolAsync("moving__echo", new Dictionary<string, object?> { ["text"] = "one" });
        Assert.True(before.Requests > 0);

        var definitionId = (await tenant.GetAsync($"/api/registry/installs/{install}")).GetProperty("definitionId").GetGuid();
        using (var moved = await tenant.Admin.PutAsJsonAsync($"/api/registry/definitions/{definitionId}",
            new { name = "Moving MCP", kind = "mcp", baseUrl = after.Endpoint.ToString() }))
        {
            await Api.ReadAsync(moved, "move definition");
        }

        await Eventually.UntilAsync(async () =>
            {
                await client.CallToolAsync("moving__echo", new Dictionary<string, object?> { ["text"] = "two" });
                return after.Requests > 0;
            },
            TimeSpan.FromSeconds(30), () => "calls reaching the new URL");
        var oldRequests = before.Requests;
        var result = await client.CallToolAsync("moving__echo", new Dictionary<string, object?> { ["text"] = "three" });
        Assert.Equal("three", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Equal(oldRequests, before.Requests);
    }

    [Fact]
    public async Task A_call_under_way_when_the_definition_moves_still_gets_its_answer()
    {
        var tenant = await new RegistryPlatform(platform).CreateTenantAsync("sessions-busy");
        var subject = await tenant.CreateIdentityAsync("owner");
        var (_, token) = await tenant.IssueTokenAsync(await tenant.CreateAgentAsync("caller", subject));
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        McpServerOptions Gated() => new()
        {
            ServerInfo = new Implementation { Name = "gated", Version = "1.0.0" },
            ToolCollection =
            [
                McpServerTool.Create(async (CancellationToken ct) =>
                    {
                        entered.TrySetResult();
                        await gate.Task.WaitAsync(ct);
                        return "released";
                    },
                    new() { Name = "wait", Description = "Answers when the test lets it." }),
                McpServerTool.Create((string text) => text, new() { Name = "echo", Description = "Echoes the text back." }),
            ],
        };
        await using var before = await TestUpstream.StartAsync(Gated);
        await using var after = await TestUpstream.StartAsync(Gated);
        var install = await EdgeWorld.CreateInstallAsync(tenant, "busy", before.Endpoint);
        await using var client = await EdgeClients.ToReplicaAsync(platform, 0, token);
        var waiting = client.CallToolAsync("busy__wait").AsTask();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var definitionId = (await tenant.GetAsync($"/api/registry/installs/{install}")).GetProperty("definitionId").GetGuid();
        using (var moved = await tenant.Admin.PutAsJsonAsync($"/api/registry/definitions/{definitionId}",
            new { name = "Busy MCP", kind = "mcp", baseUrl = after.Endpoint.ToString() }))
        {
            await Api.ReadAsync(moved, "move definition");
        }
        await Eventually.UntilAsync(async () =>
            {
                await client.CallToolAsync("busy__echo", new Dictionary<string, object?> { ["text"] = "ping" });
                return after.Requests > 0;
            },
            TimeSpan.FromSeconds(30), () => "calls reaching the new URL");
        Assert.False(waiting.IsCompleted, "the call under way ended before the upstream answered it");

        gate.SetResult();
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(true, result.IsError);
        Assert.Equal("released", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }
}
