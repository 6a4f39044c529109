using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Webhooks;

namespace Platform.Tests.Spaces;

/// <summary>
/// Space events reach agents: an admin grants an agent a Space (person-scoped or whole), and the agent reads the
/// events through the edge as a resource and with <c>platform__space_events</c>; without a grant the Space is
/// invisible, like one that does not exist.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SpaceEventsForAgentsTests(DistributedApplicationFixture platform)
{
    private const string Tool = "platform__space_events";
    private static readonly string Uri = "platform+space://" + SpaceWorld.SpaceSlug + "/events";
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_agent_without_a_grant_sees_no_Space_and_is_told_it_does_not_exist()
    {
        var world = await SpaceWorld.GetAsync(platform);
        var (_, token) = await world.CreateAgentAsync("no-grant", world.Alice);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, token);

        Assert.DoesNotContain(await client.ListResourcesAsync(), r => r.Uri.StartsWith("platform+space://", StringComparison.Ordinal));
        var granted = await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug });
        var missing = await CallAsync(client, new() { ["space"] = "no-such-space" });
        var unread = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync(Uri).AsTask());

        Assert.True(granted.IsError);
        Assert.Equal(Text(missing).Replace("no-such-space", SpaceWorld.SpaceSlug, StringComparison.Ordinal), Text(granted));
        Assert.Equal(McpErrorCode.ResourceNotFound, unread.ErrorCode);
    }

    [Fact]
    public async Task A_person_scoped_grant_shows_the_persons_events_and_subjectless_ones_newest_first()
    {
        var world = await SpaceWorld.GetAsync(platform);
        var (aliceAgent, aliceToken) = await world.CreateAgentAsync("alice-reader", world.Alice);
        var (bobAgent, bobToken) = await world.CreateAgentAsync("bob-reader", world.Bob);
        var (status, grant) = await SpaceWorld.GrantAsync(world.Tenant.Admin, world.SpaceId, aliceAgent);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("person", grant.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SpaceWorld.GrantAsync(world.Tenant.Admin, world.SpaceId, bobAgent, "person")).Status);

        await using var alice = await EdgeClients.ThroughGatewayAsync(platform, aliceToken);
        await using var bob = await EdgeClients.ThroughGatewayAsync(platform, bobToken);

        Assert.Equal(["p1", "a2", "a1"], SenderIds(await CallAsync(alice, new() { ["space"] = SpaceWorld.SpaceSlug })));
        Assert.Equal(["p1", "b1"], SenderIds(await CallAsync(bob, new() { ["space"] = SpaceWorld.SpaceSlug })));
        var resource = Assert.Single(await alice.ListResourcesAsync(), r => r.Uri.StartsWith("platform+space://", StringComparison.Ordinal));
        Assert.Equal(Uri, resource.Uri);
        Assert.Equal("application/json", resource.MimeType);
        var read = Assert.IsType<TextResourceContents>(Assert.Single((await alice.ReadResourceAsync(Uri)).Contents));
        using var json = JsonDocument.Parse(read.Text);
        Assert.Equal(["p1", "a2", "a1"], json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("senderEventId").GetString()));
        var newest = json.RootElement.GetProperty("events")[1];
        Assert.Equal("order.refunded", newest.GetProperty("type").GetString());
        Assert.Equal("a2", newest.GetProperty("payload").GetProperty("id").GetString());
        Assert.Equal("alice", newest.GetProperty("credentialSubject").GetString());
    }

    [Fact]
    public async Task A_whole_Space_grant_shows_every_event_and_revoking_it_hides_the_Space_on_every_replica()
    {
        var world = await SpaceWorld.GetAsync(platform);
        var (agent, token) = await world.CreateAgentAsync("whole-reader", world.Alice);
        Assert.Equal(HttpStatusCode.OK, (await SpaceWorld.GrantAsync(world.Tenant.Admin, world.SpaceId, agent, "whole-space")).Status);
        await using var first = await EdgeClients.ToReplicaAsync(platform, 0, token);
        await using var second = await EdgeClients.ToReplicaAsync(platform, 1, token);

        foreach (var client in new[] { first, second })
        {
            Assert.Equal(["p1", "b1", "a2", "a1"], SenderIds(await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug })));
            Assert.Contains(await client.ListResourcesAsync(), r => r.Uri == Uri);
        }
        using (var grants = await world.Tenant.Admin.GetAsync($"/api/registry/spaces/{world.SpaceId}/grants"))
        {
            var listed = await grants.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(listed.EnumerateArray(), g => g.GetProperty("agentId").GetGuid() == agent && g.GetProperty("scope").GetString() == "whole-space");
        }

        using (var revoked = await world.Tenant.Admin.DeleteAsync($"/api/registry/spaces/{world.SpaceId}/grants/{agent}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        // Well within the edge's 60 s cache lifetime: the revocation event, not expiry, takes the Space away.
        foreach (var client in new[] { first, second })
        {
            await Eventually.UntilAsync(async () => (await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug })).IsError == true,
                Propagation, () => "the revoked Space still answered events");
            Assert.DoesNotContain(await client.ListResourcesAsync(), r => r.Uri == Uri);
            await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync(Uri).AsTask());
        }
        using var again = await world.Tenant.Admin.DeleteAsync($"/api/registry/spaces/{world.SpaceId}/grants/{agent}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Events_page_back_with_the_cursor_through_the_tool_and_the_resource()
    {
        var world = await SpaceWorld.GetAsync(platform);
        var (agent, token) = await world.CreateAgentAsync("pager", world.Alice);
        await SpaceWorld.GrantAsync(world.Tenant.Admin, world.SpaceId, agent, "whole-space");
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, token);

        var page1 = await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug, ["limit"] = 2 });
        var cursor = Structured(page1).GetProperty("nextCursor").GetString()!;
        var page2 = await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug, ["limit"] = 2, ["cursor"] = cursor });
        var viaResource = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync($"{Uri}?cursor={cursor}")).Contents));

        Assert.Equal(["p1", "b1"], SenderIds(page1));
        Assert.Equal(["a2", "a1"], SenderIds(page2));
        Assert.Equal(JsonValueKind.Null, Structured(page2).GetProperty("nextCursor").ValueKind);
        using var json = JsonDocument.Parse(viaResource.Text);
        Assert.Equal(["a2", "a1"], json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("senderEventId").GetString()));
    }

    [Fact]
    public async Task Since_and_type_filter_the_events()
    {
        var world = await SpaceWorld.GetAsync(platform);
        var (agent, token) = await world.CreateAgentAsync("filterer", world.Alice);
        await SpaceWorld.GrantAsync(world.Tenant.Admin, world.SpaceId, agent, "whole-space");
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, token);
        var since = world.Events.Single(e => e.SenderEventId == "b1").ReceivedAt.ToString("O");

        Assert.Equal(["b1", "a1"], SenderIds(await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug, ["type"] = "order.paid" })));
        Assert.Equal(["p1", "b1"], SenderIds(await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug, ["since"] = since })));
        Assert.Equal(["b1"], SenderIds(await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug, ["since"] = since, ["type"] = "order.paid" })));
        Assert.Empty(SenderIds(await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug, ["type"] = "no.such.type" })));
    }

    [Theory]
    [InlineData("""{"limit":0}""", "limit")]
    [InlineData("""{"limit":"ten"}""", "limit")]
    [InlineData("""{"since":"last tuesday-ish"}""", "since")]
    [InlineData("""{"cursor":"not-a-cursor"}""", "cursor")]
    [InlineData("""{"type":42}""", "type")]
    [InlineData("""{"space":null}""", "space")]
    public async Task Bad_arguments_are_invalid_params_naming_the_argument(string extra, string argument)
    {
        var world = await SpaceWorld.GetAsync(platform);
        var (agent, token) = await world.CreateAgentAsync("bad-" + argument + "-" + Guid.NewGuid().ToString("N")[..8], world.Alice);
        await SpaceWorld.GrantAsync(world.Tenant.Admin, world.SpaceId, agent, "whole-space");
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, token);
        var arguments = new Dictionary<string, object?> { ["space"] = SpaceWorld.SpaceSlug };
        foreach (var property in JsonDocument.Parse(extra).RootElement.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync(Tool, arguments).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, refused.ErrorCode);
        Assert.Contains($"'{argument}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grants_stay_inside_their_tenant()
    {
        var world = await SpaceWorld.GetAsync(platform);
        using var other = await WebhookTenant.CreateAsync(platform);
        var otherPerson = await other.CreateIdentityAsync("alice", "alice@example.test");
        var otherSpace = await other.CreateSpaceAsync(SpaceWorld.SpaceSlug);
        var (otherAgent, otherToken) = await SpaceWorld.CreateAgentAsync(other.Admin, "outsider", otherPerson);
        var (ownAgent, _) = await world.CreateAgentAsync("insider", world.Alice);

        // Another tenant's Space or agent is 404 either way round, like one that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await SpaceWorld.GrantAsync(other.Admin, world.SpaceId, otherAgent, "whole-space")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SpaceWorld.GrantAsync(world.Tenant.Admin, world.SpaceId, otherAgent, "whole-space")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SpaceWorld.GrantAsync(other.Admin, otherSpace, ownAgent, "whole-space")).Status);
        using (var listed = await other.Admin.GetAsync($"/api/registry/spaces/{world.SpaceId}/grants"))
        {
            Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
        }
        using (var revoked = await other.Admin.DeleteAsync($"/api/registry/spaces/{world.SpaceId}/grants/{ownAgent}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        }

        // The other tenant's agent, granted its own Space of the same slug, reads that one: empty, never this tenant's.
        Assert.Equal(HttpStatusCode.OK, (await SpaceWorld.GrantAsync(other.Admin, otherSpace, otherAgent, "whole-space")).Status);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, otherToken);
        Assert.Empty(SenderIds(await CallAsync(client, new() { ["space"] = SpaceWorld.SpaceSlug })));
    }

    [Fact]
    public async Task A_bad_scope_is_a_problem_naming_the_field_and_unknown_agents_are_404()
    {
        var world = await SpaceWorld.GetAsync(platform);
        var (agent, _) = await world.CreateAgentAsync("scoped", world.Alice);

        var (badStatus, problem) = await SpaceWorld.GrantAsync(world.Tenant.Admin, world.SpaceId, agent, "everything");
        var (unknownStatus, _) = await SpaceWorld.GrantAsync(world.Tenant.Admin, world.SpaceId, Guid.NewGuid());
        var (noSpaceStatus, _) = await SpaceWorld.GrantAsync(world.Tenant.Admin, Guid.NewGuid(), agent);

        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.True(problem.GetProperty("errors").TryGetProperty("scope", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal(HttpStatusCode.NotFound, noSpaceStatus);
    }

    [Fact]
    public async Task The_internal_read_API_refuses_calls_without_the_edges_service_credential()
    {
        var world = await SpaceWorld.GetAsync(platform);
        using var direct = platform.CreateHttpClient("webhook-ingress");
        using var gateway = platform.CreateHttpClient("gateway");
        var path = $"/internal/tenants/{world.Tenant.TenantId}/spaces/{world.SpaceId}/events?wholeSpace=true";

        using var anonymous = await direct.GetAsync(path);
        using var throughGateway = await gateway.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, throughGateway.StatusCode);
    }

    private static async Task<CallToolResult> CallAsync(McpClient client, Dictionary<string, object?> arguments) =>
        await client.CallToolAsync(Tool, arguments);

    private static JsonElement Structured(CallToolResult result) =>
        result.StructuredContent ?? throw new InvalidOperationException("No structured content: " + Text(result));

    private static List<string> SenderIds(CallToolResult result)
    {
        Assert.True(result.IsError != true, Text(result));
        return [.. Structured(result).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("senderEventId").GetString()!)];
    }

    private static string Text(CallToolResult result) => string.Join("", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
