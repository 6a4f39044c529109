using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;
using Platform.Tests.Registry;

namespace Platform.Tests.McpEdge;

/// <summary>
/// The gateway's per-agent limit on <c>/mcp</c>, on a platform of its own started with a tiny limit (the shared one
/// keeps a limit no other test comes near). The bucket is the authenticated agent's: other spellings of the header
/// and other tokens of the same agent share it, and requests that do not authenticate share their address's bucket.
/// </summary>
[Collection(LifecycleCollection.Name)]
public sealed class McpRateLimitTests
{
    private const int Burst = 5;

    [Fact]
    public async Task An_agent_over_its_limit_gets_429_with_retry_after_while_other_agents_go_on()
    {
        using var data = TempDirectory.Create();
        DistributedApplication app;
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__PermitsPerSecond", "1");
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__Burst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__UnauthenticatedPermitsPerSecond", "1");
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__UnauthenticatedBurst", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            app = await DistributedApplication.StartAsync(data.Path, fresh: true);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Gateway__McpRateLimit__PermitsPerSecond", null);
            Environment.SetEnvironmentVariable("Gateway__McpRateLimit__Burst", null);
            Environment.SetEnvironmentVariable("Gateway__McpRateLimit__UnauthenticatedPermitsPerSecond", null);
            Environment.SetEnvironmentVariable("Gateway__McpRateLimit__UnauthenticatedBurst", null);
        }
        await using (app)
        {
            var dev = DevCredentials.Read(data.Path);
            using var gateway = app.CreateHttpClient("gateway");
            using var admin = app.CreateHttpClient("gateway");
            admin.DefaultRequestHeaders.Authorization = new("Bearer", dev.AdminKey);
            var other = await Api.ReadAsync(await admin.PostAsJsonAsync("/api/registry/agents",
                new { slug = "other", name = "Other", subjectIdentityId = dev.Identity.Id }), "create agent");
            var otherToken = (await Api.ReadAsync(await admin.PostAsJsonAsync($"/api/registry/agents/{other.GetProperty("id").GetGuid()}/tokens",
                new { name = "t" }), "issue token")).GetProperty("token").GetString()!;

            // More than the burst at once: however slow this machine, the bucket cannot refill fast enough.
            var responses = await Task.WhenAll(Enumerable.Range(0, Burst * 4).Select(_ => McpHttp.PostAsync(gateway, dev.AgentToken, McpHttp.Request("ping"))));
            var statuses = responses.Select(r => r.Status).ToList();
            var refused = responses.FirstOrDefault(r => r.Status == HttpStatusCode.TooManyRequests);
            var otherAgent = await McpHttp.PostAsync(gateway, otherToken, McpHttp.Request("ping"));

            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"unexpected {s}"));
            Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 1, Burst * 2);
            Assert.NotNull(refused);
            Assert.True(int.Parse(refused.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Equal(-32000, refused.Error.GetProperty("code").GetInt32());
            Assert.Equal(HttpStatusCode.OK, otherAgent.Status);

            // Dodges that used to open a fresh bucket each: another spelling of the header, another token of the same
            // agent, a made-up token per request. Each burst is four times the bucket, so most must be refused.
            var secondToken = (await Api.ReadAsync(await admin.PostAsJsonAsync($"/api/registry/agents/{other.GetProperty("id").GetGuid()}/tokens",
                new { name = "t2" }), "issue token")).GetProperty("token").GetString()!;
            var respelled = await Task.WhenAll(Enumerable.Range(0, Burst * 4).Select(i =>
                RawPostAsync(gateway, $"{(i % 2 == 0 ? "bearer" : "Bearer")}{new string(' ', 1 + i)}{(i % 3 == 0 ? secondToken : otherToken)}")));
            var madeUp = await Task.WhenAll(Enumerable.Range(0, Burst * 4).Select(_ => RawPostAsync(gateway, $"Bearer agt_{Guid.NewGuid():N}")));

            Assert.InRange(respelled.Count(s => s == HttpStatusCode.TooManyRequests), Burst, Burst * 4);
            Assert.InRange(madeUp.Count(s => s == HttpStatusCode.TooManyRequests), Burst, Burst * 4);
            Assert.All(madeUp, s => Assert.True(s is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"unexpected {s}"));
        }
    }

    private static async Task<HttpStatusCode> RawPostAsync(HttpClient gateway, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(McpHttp.Request("ping"), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", "2025-11-25");
        using var response = await gateway.SendAsync(request);
        return response.StatusCode;
    }
}
