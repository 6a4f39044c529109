using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Tests.Infrastructure;
using Platform.Tests.McpEdge;
using Platform.Tests.Registry;

namespace Platform.Tests.Security;

/// <summary>
/// Two tenants × identities X, Y (and Z without a credential) × the other services' endpoints: MCP tools/list,
/// tools/call, resources/read and prompts/get through the gateway, webhook routes and Space events by id (reads and
/// writes), audit and usage queries. Both tenants use the same slugs and names. Nothing crosses a tenant, and no
/// person's agent ever uses another person's credential. (The registry's own admin and internal endpoints have
/// their matrix in <see cref="IsolationMatrixTests"/>.)
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CrossServiceIsolationTests(DistributedApplicationFixture platform) : IAsyncLifetime
{
    private readonly RegistryPlatform _registry = new(platform);
    private MatrixTenant _a = null!;
    private MatrixTenant _b = null!;

    private IEnumerable<(MatrixTenant Self, MatrixTenant Other)> Pairs => [(_a, _b), (_b, _a)];

    public async Task InitializeAsync()
    {
        _a = await MatrixTenant.CreateAsync(_registry, "mx-a");
        _b = await MatrixTenant.CreateAsync(_registry, "mx-b");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task Each_persons_agent_reaches_its_own_tenants_upstream_with_its_own_credential_only()
    {
        using var gateway = platform.CreateHttpClient("gateway");
        foreach (var (self, other) in Pairs)
        {
            foreach (var person in new[] { "x", "y" })
            {
                var (selfBefore, otherBefore) = (self.Tickets.Authorizations.Count, other.Tickets.Authorizations.Count);
                var answer = await McpHttp.PostAsync(gateway, self.Tokens[person],
                    McpHttp.Request("tools/call", new { name = "tickets__echo", arguments = new { text = "hi" } }));
                var result = Assert.Single(answer.Messages).GetProperty("result");
                Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), answer.ToString());
                var seen = self.Tickets.Authorizations.Skip(selfBefore).Distinct().ToList();
                Assert.True(seen.SequenceEqual([$"Bearer {self.Keys[person]}"]), $"{self}'s upstream saw other credentials than {person}'s");
                Assert.Equal(otherBefore, other.Tickets.Authorizations.Count);
            }

            var before = (self.Tickets.Requests, other.Tickets.Requests);
            var refused = await McpHttp.PostAsync(gateway, self.Tokens["z"],
                McpHttp.Request("tools/call", new { name = "tickets__echo", arguments = new { text = "hi" } }));
            Assert.Contains("not connected", Assert.Single(refused.Messages).ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(before, (self.Tickets.Requests, other.Tickets.Requests));
        }
    }

    [Fact]
    public async Task Catalogs_resources_and_prompts_come_from_the_callers_tenant()
    {
        using var gateway = platform.CreateHttpClient("gateway");
        foreach (var (self, other) in Pairs)
        {
            var tools = await McpHttp.PostAsync(gateway, self.Tokens["z"], McpHttp.Request("tools/list"));
            var names = Assert.Single(tools.Messages).GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
            Assert.Contains("notes__echo", names);
            Assert.DoesNotContain(names, n => n!.StartsWith("tickets__", StringComparison.Ordinal)); // z holds no tickets credential

            foreach (var (method, parameters) in new (string, object)[]
            {
                ("resources/read", new { uri = "notes+memo://notes/1" }),
                ("prompts/get", new { name = "notes__greet", arguments = new { name = "Ada" } }),
                ("tools/call", new { name = "notes__echo", arguments = new { text = "hi" } }),
            })
            {
                var before = (self.Notes.Requests, other.Notes.Requests);
                var answer = await McpHttp.PostAsync(gateway, self.Tokens["x"], McpHttp.Request(method, parameters));
                Assert.True(Assert.Single(answer.Messages).TryGetProperty("result", out _), $"{method}: {answer}");
                Assert.True(self.Notes.Requests > before.Item1, $"{method} of {self} did not reach its own upstream");
                Assert.Equal(before.Item2, other.Notes.Requests);
            }
        }
    }

    [Fact]
    public async Task Webhook_routes_and_space_events_of_the_other_tenant_answer_404_and_stay_unchanged()
    {
        foreach (var (self, other) in Pairs)
        {
            var admin = self.Tenant.Admin;
            foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
            {
                (HttpMethod.Get, $"/api/webhooks/routes/{other.Route}", null),
                (HttpMethod.Post, $"/api/webhooks/routes/{other.Route}/secret", new { secret = "taken-over-secret" }),
                (HttpMethod.Delete, $"/api/webhooks/routes/{other.Route}", null),
                (HttpMethod.Get, $"/api/webhooks/spaces/{other.Space}/events", null),
            })
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
                using var response = await admin.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} by {self}: {(int)response.StatusCode}");
            }
            using (var create = await admin.PostAsJsonAsync("/api/webhooks/routes", new { slug = "hijack", scheme = "hmac-sha256", secret = "s-123456789012", spaceId = other.Space }))
            {
                Assert.True(create.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"a route into {other}'s Space: {(int)create.StatusCode}");
            }
            var routes = await self.Tenant.GetAsync("/api/webhooks/routes");
            var ids = (routes.ValueKind == JsonValueKind.Array ? routes : routes.GetProperty("items")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
            Assert.Equal([self.Route], ids);
            var events = await self.Tenant.GetAsync($"/api/webhooks/spaces/{self.Space}/events");
            Assert.Equal(1, events.GetArrayLength());
        }
        // The other tenant's route still works with its own secret and was not rotated or deleted.
        foreach (var tenant in new[] { _a, _b })
        {
            var route = await tenant.Tenant.GetAsync($"/api/webhooks/routes/{tenant.Route}");
            Assert.Equal(tenant.Route, route.GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task Audit_and_usage_queries_show_only_the_callers_tenant()
    {
        using var gateway = platform.CreateHttpClient("gateway");
        foreach (var (self, _) in Pairs)
        {
            await McpHttp.PostAsync(gateway, self.Tokens["x"], McpHttp.Request("tools/call", new { name = "tickets__echo", arguments = new { text = "audit me" } }));
        }
        foreach (var (self, other) in Pairs)
        {
            var own = self.Agents.Values.ToHashSet();
            JsonElement calls = default;
            await Eventually.UntilAsync(async () =>
                {
                    calls = (await self.Tenant.GetAsync("/api/audit/tool-calls?limit=500")).GetProperty("items");
                    return calls.EnumerateArray().Any(c => c.GetProperty("tool").GetString() == "tickets__echo");
                },
                TimeSpan.FromSeconds(30), () => $"{self}'s tool call in its audit");
            Assert.All(calls.EnumerateArray(), c => Assert.Contains(c.GetProperty("agentId").GetGuid(), own));
            foreach (var query in new[] { $"agent={other.Agents["x"]}", $"install={other.TicketsInstall}", "tool=tickets__echo" })
            {
                var filtered = (await self.Tenant.GetAsync($"/api/audit/tool-calls?{query}")).GetProperty("items");
                Assert.All(filtered.EnumerateArray(), c => Assert.Contains(c.GetProperty("agentId").GetGuid(), own));
            }
            var usage = await self.Tenant.GetAsync("/api/usage/model-calls");
            var usageItems = usage.ValueKind == JsonValueKind.Array ? usage : usage.GetProperty("items");
            Assert.NotEmpty(usageItems.EnumerateArray());
            Assert.All(usageItems.EnumerateArray(), u => Assert.Contains(u.GetProperty("agentId").GetGuid(), own));
            var summary = await self.Tenant.GetAsync("/api/audit/tool-calls/summary");
            Assert.Contains(summary.GetProperty("tools").EnumerateArray(), t => t.GetProperty("tool").GetString() == "tickets__echo");
        }
    }
}
