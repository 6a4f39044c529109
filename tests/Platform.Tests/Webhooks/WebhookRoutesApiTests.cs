using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Webhooks;

[Collection(PlatformCollection.Name)]
public sealed class WebhookRoutesApiTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task A_route_is_created_read_changed_rotated_and_deleted_through_the_gateway_and_its_secret_is_shown_once()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        await using var database = new WebhookDatabase(platform);

        var created = await tenant.CreateRouteAsync("orders", "standard-webhooks", requesterIdentity: "ops@example.test", credentialSubject: "subject-7");

        Assert.StartsWith("whsec_", created.SigningSecret, StringComparison.Ordinal);
        Assert.Equal($"/webhooks/{tenant.Slug}/orders", created.Route.Path);
        Assert.Equal((tenant.SpaceId, 262144, 300, true), (created.Route.SpaceId, created.Route.MaxPayloadBytes, created.Route.TimestampToleranceSeconds, created.Route.Enabled));
        var read = await tenant.Admin.GetStringAsync($"/api/webhooks/routes/{created.Route.Id}");
        var listed = await tenant.Admin.GetStringAsync("/api/webhooks/routes");
        Assert.DoesNotContain(created.SigningSecret!, read, StringComparison.Ordinal);
        Assert.DoesNotContain(created.SigningSecret!, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(created.SigningSecret![6..], await database.DumpAsync("routes"), StringComparison.Ordinal);
        Assert.Equal("orders", Assert.Single(JsonSerializer.Deserialize<List<WebhookRouteDto>>(listed, JsonSerializerOptions.Web)!).Slug);

        using var patched = await tenant.Admin.PatchAsJsonAsync($"/api/webhooks/routes/{created.Route.Id}", new { enabled = false, maxPayloadBytes = 1024, requesterIdentity = "" });
        var disabled = await patched.Content.ReadFromJsonAsync<WebhookRouteDto>();
        Assert.Equal((false, 1024, null, "subject-7"), (disabled!.Enabled, disabled.MaxPayloadBytes, disabled.RequesterIdentity, disabled.CredentialSubject));

        using var rotated = await tenant.Admin.PostAsJsonAsync($"/api/webhooks/routes/{created.Route.Id}/secret", new { });
        var rotation = await rotated.Content.ReadFromJsonAsync<RouteWithSecretDto>();
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.StartsWith("whsec_", rotation!.SigningSecret, StringComparison.Ordinal);
        Assert.NotEqual(created.SigningSecret, rotation.SigningSecret);

        using var deleted = await tenant.Admin.DeleteAsync($"/api/webhooks/routes/{created.Route.Id}");
        using var gone = await tenant.Admin.GetAsync($"/api/webhooks/routes/{created.Route.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Routes_are_confined_to_their_tenant()
    {
        using var owner = await WebhookTenant.CreateAsync(platform);
        using var other = await WebhookTenant.CreateAsync(platform);
        var route = await owner.CreateRouteAsync("private", "github");

        using var read = await other.Admin.GetAsync($"/api/webhooks/routes/{route.Route.Id}");
        using var patch = await other.Admin.PatchAsJsonAsync($"/api/webhooks/routes/{route.Route.Id}", new { enabled = false });
        using var delete = await other.Admin.DeleteAsync($"/api/webhooks/routes/{route.Route.Id}");
        using var foreignSpace = await other.Admin.PostAsJsonAsync("/api/webhooks/routes", new { slug = "steal", scheme = "github", spaceId = owner.SpaceId });
        using var foreignEvents = await other.Admin.GetAsync($"/api/webhooks/spaces/{owner.SpaceId}/events");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignSpace.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignEvents.StatusCode);
        Assert.Empty(JsonSerializer.Deserialize<List<WebhookRouteDto>>(await other.Admin.GetStringAsync("/api/webhooks/routes"), JsonSerializerOptions.Web)!);
        Assert.True((await owner.Admin.GetFromJsonAsync<WebhookRouteDto>($"/api/webhooks/routes/{route.Route.Id}"))!.Enabled);
    }

    [Fact]
    public async Task Bad_route_requests_get_problem_details_without_echoing_secrets()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        const string badSecret = "whsec_thisIsNotBase64!!";

        using var invalid = await tenant.Admin.PostAsJsonAsync("/api/webhooks/routes", new { slug = "Bad Slug", scheme = "carrier-pigeon", spaceId = Guid.Empty, maxPayloadBytes = 0 });
        using var badKey = await tenant.Admin.PostAsJsonAsync("/api/webhooks/routes", new { slug = "ok", scheme = "standard-webhooks", spaceId = tenant.SpaceId, secret = badSecret });
        using var slackWithoutSecret = await tenant.Admin.PostAsJsonAsync("/api/webhooks/routes", new { slug = "slack", scheme = "slack", spaceId = tenant.SpaceId });
        using var unknownSpace = await tenant.Admin.PostAsJsonAsync("/api/webhooks/routes", new { slug = "ok", scheme = "github", spaceId = Guid.NewGuid() });
        await tenant.CreateRouteAsync("taken", "hmac-sha256");
        using var taken = await tenant.Admin.PostAsJsonAsync("/api/webhooks/routes", new { slug = "taken", scheme = "hmac-sha256", spaceId = tenant.SpaceId });
        using var anonymous = platform.CreateHttpClient("gateway");
        using var unauthenticated = await anonymous.GetAsync("/api/webhooks/routes");

        var invalidBody = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        foreach (var field in new[] { "slug", "scheme", "spaceId", "maxPayloadBytes" })
        {
            Assert.Contains($"\"{field}\"", invalidBody, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.DoesNotContain(badSecret, await badKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, slackWithoutSecret.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownSpace.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("application/problem+json", taken.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_admin_API_through_the_gateway()
    {
        using var gateway = platform.CreateHttpClient("gateway");
        using var document = JsonDocument.Parse(await gateway.GetStringAsync("/api/webhooks/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/webhooks/routes", out _));
        Assert.True(paths.TryGetProperty("/api/webhooks/routes/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/webhooks/spaces/{spaceId}/events", out _));
        Assert.True(paths.TryGetProperty("/webhooks/{tenantSlug}/{routeSlug}", out _));
    }
}
