using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Webhooks;

/// <summary>
/// What review and fuzzing found in webhook-ingress: a GitHub delivery replayed under a new delivery id, small-order
/// Ed25519 keys, attribution to identities of no tenant or another one, and admin requests the binder could not read
/// (answered 500 before). Each is refused the way a client can understand.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookHardeningTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task A_captured_github_delivery_replayed_with_a_new_delivery_id_is_a_duplicate_and_stored_once()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        await using var database = new WebhookDatabase(platform);
        var route = await tenant.CreateRouteAsync("repo", "github");
        using var gateway = platform.CreateHttpClient("gateway");
        const string Body = """{"ref":"refs/heads/main","after":"1f2e3d"}""";

        using var first = await gateway.SendAsync(WebhookSigner.GitHub(route.Route.Path, route.SigningSecret!, Guid.NewGuid().ToString(), Body));
        using var replay = await gateway.SendAsync(WebhookSigner.GitHub(route.Route.Path, route.SigningSecret!, Guid.NewGuid().ToString(), Body));
        using var other = await gateway.SendAsync(WebhookSigner.GitHub(route.Route.Path, route.SigningSecret!, Guid.NewGuid().ToString(), Body.Replace("1f2e3d", "4c5b6a", StringComparison.Ordinal)));

        var accepted = await first.Content.ReadFromJsonAsync<AcceptedDto>();
        var replayed = await replay.Content.ReadFromJsonAsync<AcceptedDto>();
        Assert.Equal((HttpStatusCode.Accepted, false), (first.StatusCode, accepted!.Duplicate));
        Assert.Equal((HttpStatusCode.Accepted, true, accepted.EventId), (replay.StatusCode, replayed!.Duplicate, replayed.EventId));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.Equal(2, await database.CountEventsAsync(route.Route.Id));
        Assert.Equal(2, await database.CountOutboxAsync(route.Route.Id));
    }

    public static TheoryData<string> SmallOrderKeys =>
    [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    ];

    [Theory]
    [MemberData(nameof(SmallOrderKeys))]
    public async Task A_small_order_ed25519_key_is_refused_at_route_create(string hex)
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);

        using var response = await tenant.Admin.PostAsJsonAsync("/api/webhooks/routes", new
        {
            slug = "ed", scheme = "standard-webhooks", spaceId = tenant.SpaceId, secret = "whpk_" + Convert.ToBase64String(Convert.FromHexString(hex)),
        });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "secret");
    }

    [Fact]
    public async Task Attribution_names_identities_of_the_routes_own_tenant()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        using var other = await WebhookTenant.CreateAsync(platform);
        var foreigner = await other.CreateIdentityAsync("foreigner", "foreigner@example.test");
        var own = await tenant.CreateIdentityAsync("owner", "owner@example.test");

        foreach (var (field, value) in new[]
        {
            ("requesterIdentity", "foreigner@example.test"),
            ("requesterIdentity", foreigner.ToString()),
            ("credentialSubject", "foreigner"),
            ("credentialSubject", "nobody-at-all"),
        })
        {
            using var created = await tenant.Admin.PostAsJsonAsync("/api/webhooks/routes",
                new Dictionary<string, object?> { ["slug"] = "attributed", ["scheme"] = "github", ["spaceId"] = tenant.SpaceId, [field] = value });
            await AssertProblemAsync(created, HttpStatusCode.BadRequest, field);
        }
        var route = await tenant.CreateRouteAsync("attributed", "github", requesterIdentity: "OWNER@example.test", credentialSubject: own.ToString());
        using var patched = await tenant.Admin.PatchAsJsonAsync($"/api/webhooks/routes/{route.Route.Id}", new { credentialSubject = "foreigner" });
        await AssertProblemAsync(patched, HttpStatusCode.BadRequest, "credentialSubject");
    }

    public static TheoryData<string, string, string?, string> UnreadableRequests => new()
    {
        { "POST", "/api/webhooks/routes", """{"slug":1,"scheme":"github"}""", "slug" },
        { "POST", "/api/webhooks/routes", "null", "" },
        { "POST", "/api/webhooks/routes", "{", "" },
        { "POST", "/api/webhooks/routes", """{"slug":"x","scheme":"github","enabled":"yes"}""", "enabled" },
        { "POST", "/api/webhooks/routes", null, "" },
        { "PATCH", "/api/webhooks/routes/{route}", """{"enabled":"yes"}""", "enabled" },
        { "PATCH", "/api/webhooks/routes/{route}", """{"maxPayloadBytes":1e99}""", "maxPayloadBytes" },
        { "PATCH", "/api/webhooks/routes/{route}", "null", "" },
        { "POST", "/api/webhooks/routes/{route}/secret", """{"secret":5}""", "secret" },
        { "POST", "/api/webhooks/routes/{route}/secret", "[", "" },
        { "GET", "/api/webhooks/spaces/{space}/events?limit=1e99", null, "limit" },
        { "GET", "/api/webhooks/spaces/{space}/events?limit=1.5", null, "limit" },
        { "GET", "/api/webhooks/spaces/{space}/events?limit=10&limit=20", null, "limit" },
        { "GET", "/api/webhooks/spaces/{space}/events?limit=0", null, "limit" },
        { "GET", "/api/webhooks/spaces/{space}/events?before=not-an-event", null, "before" },
        { "GET", "/api/webhooks/spaces/{space}/events?before=", null, "before" },
    };

    [Theory]
    [MemberData(nameof(UnreadableRequests))]
    public async Task Unreadable_or_mistyped_admin_requests_are_400_problem_details(string method, string path, string? body, string field)
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        var route = await tenant.CreateRouteAsync("typed", "github");
        using var request = new HttpRequestMessage(new HttpMethod(method),
            path.Replace("{route}", route.Route.Id.ToString(), StringComparison.Ordinal).Replace("{space}", tenant.SpaceId.ToString(), StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await tenant.Admin.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field.Length == 0 ? null : field);
    }

    [Fact]
    public async Task Rotating_without_a_body_generates_a_new_secret()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        var route = await tenant.CreateRouteAsync("rotate", "github");

        using var rotated = await tenant.Admin.PostAsync($"/api/webhooks/routes/{route.Route.Id}/secret", content: null);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var rotation = await rotated.Content.ReadFromJsonAsync<RouteWithSecretDto>();
        Assert.StartsWith("ghs_", rotation!.SigningSecret, StringComparison.Ordinal);
        Assert.NotEqual(route.SigningSecret, rotation.SigningSecret);
    }

    /// <summary>Problem details with <paramref name="status"/> and, when given, an error for <paramref name="field"/>.</summary>
    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        if (field is not null)
        {
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)), $"no error for {field}: {text}");
        }
    }
}
