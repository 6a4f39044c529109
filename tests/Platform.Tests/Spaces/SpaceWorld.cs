using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Tests.Infrastructure;
using Platform.Tests.Webhooks;

namespace Platform.Tests.Spaces;

/// <summary>
/// A tenant whose Space <c>alerts</c> received, through three signed webhook routes, in this order: <c>a1</c>
/// (order.paid) and <c>a2</c> (order.refunded) for Alice, <c>b1</c> (order.paid) for Bob, and <c>p1</c> (deploy)
/// concerning no person. Shared by the tests of one platform; each test makes its own agents and grants.
/// </summary>
public sealed class SpaceWorld
{
    public const string SpaceSlug = "alerts";

    private static readonly ConcurrentDictionary<string, Lazy<Task<SpaceWorld>>> Worlds = new();

    private SpaceWorld(WebhookTenant tenant, Guid spaceId, Guid alice, Guid bob, IReadOnlyList<SpaceEventDto> events)
    {
        Tenant = tenant;
        SpaceId = spaceId;
        Alice = alice;
        Bob = bob;
        Events = events;
    }

    public WebhookTenant Tenant { get; }

    public Guid SpaceId { get; }

    public Guid Alice { get; }

    public Guid Bob { get; }

    /// <summary>Every event of the Space as the admin API shows it, newest first: p1, b1, a2, a1.</summary>
    public IReadOnlyList<SpaceEventDto> Events { get; }

    public Guid EventId(string name) => Events.Single(e => e.SenderEventId == name).EventId;

    public static Task<SpaceWorld> GetAsync(DistributedApplicationFixture platform) =>
        Worlds.GetOrAdd(platform.App.DataDirectory, _ => new Lazy<Task<SpaceWorld>>(() => CreateAsync(platform))).Value;

    /// <summary>A new agent of the tenant acting for <paramref name="subject"/>, and a token for it.</summary>
    public async Task<(Guid AgentId, string Token)> CreateAgentAsync(string slug, Guid subject) =>
        await CreateAgentAsync(Tenant.Admin, slug, subject);

    public static async Task<(Guid AgentId, string Token)> CreateAgentAsync(HttpClient admin, string slug, Guid subject)
    {
        using var created = await admin.PostAsJsonAsync("/api/registry/agents", new { slug, name = slug, subjectIdentityId = subject });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var agentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var issued = await admin.PostAsJsonAsync($"/api/registry/agents/{agentId}/tokens", new { name = "test" });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        return (agentId, (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
    }

    /// <summary>PUT a grant; answers the status and body.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GrantAsync(HttpClient admin, Guid spaceId, Guid agentId, string? scope = null)
    {
        using var response = await admin.PutAsJsonAsync($"/api/registry/spaces/{spaceId}/grants/{agentId}", new { scope });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<SpaceWorld> CreateAsync(DistributedApplicationFixture platform)
    {
        var tenant = await WebhookTenant.CreateAsync(platform);
        var alice = await tenant.CreateIdentityAsync("alice", "alice@example.test");
        var bob = await tenant.CreateIdentityAsync("bob", "bob@example.test");
        var spaceId = await tenant.CreateSpaceAsync(SpaceSlug);
        // Attribution by name for Alice and by e-mail for Bob: both resolve to the identity's id when the route is saved.
        var aliceRoute = await tenant.CreateRouteAsync("alice-orders", "hmac-sha256", credentialSubject: "alice", spaceId: spaceId);
        var bobRoute = await tenant.CreateRouteAsync("bob-orders", "hmac-sha256", credentialSubject: "bob@example.test", spaceId: spaceId);
        var publicRoute = await tenant.CreateRouteAsync("deploys", "hmac-sha256", spaceId: spaceId);
        using var sender = platform.CreateHttpClient("gateway");
        foreach (var (route, id, type) in new[]
        {
            (aliceRoute, "a1", "order.paid"), (aliceRoute, "a2", "order.refunded"), (bobRoute, "b1", "order.paid"), (publicRoute, "p1", "deploy"),
        })
        {
            using var request = WebhookSigner.SharedSecret(route.Route.Path, route.SigningSecret!, id, $$"""{"type":"{{type}}","id":"{{id}}"}""");
            using var response = await sender.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        IReadOnlyList<SpaceEventDto> events = [];
        await Eventually.UntilAsync(async () => (events = await tenant.GetSpaceEventsAsync(spaceId)).Count >= 4,
            TimeSpan.FromSeconds(60), () => $"4 events in the Space; it has {events.Count}");
        return new SpaceWorld(tenant, spaceId, alice, bob, events);
    }
}
