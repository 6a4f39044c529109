using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Webhooks;

/// <summary>
/// webhook-ingress keeps routes in memory and drops one when PostgreSQL notifies its change: a rotated secret, a
/// disabled route and a deleted route must take effect within a bounded wait although the route was already cached.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookRouteCacheTests(DistributedApplicationFixture platform)
{
    /// <summary>A change notice arrives in milliseconds; this bound leaves room for a loaded machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_cached_route_follows_its_rotation_disabling_and_deletion()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        var created = await tenant.CreateRouteAsync("cached", "standard-webhooks");
        var path = created.Route.Path;
        using var sender = platform.CreateHttpClient("gateway");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, await SendAsync(sender, path, created.SigningSecret!));
        }

        using var rotated = await tenant.Admin.PostAsJsonAsync($"/api/webhooks/routes/{created.Route.Id}/secret", new { });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<RouteWithSecretDto>())!.SigningSecret!;
        await UntilAnsweredAsync(sender, path, created.SigningSecret!, HttpStatusCode.Unauthorized, "the old secret refused after rotation");
        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(sender, path, newSecret));

        using (var disabled = await tenant.Admin.PatchAsJsonAsync($"/api/webhooks/routes/{created.Route.Id}", new { enabled = false }))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }
        await UntilAnsweredAsync(sender, path, newSecret, HttpStatusCode.Forbidden, "the disabled route refused");
        using (var enabled = await tenant.Admin.PatchAsJsonAsync($"/api/webhooks/routes/{created.Route.Id}", new { enabled = true }))
        {
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        }
        await UntilAnsweredAsync(sender, path, newSecret, HttpStatusCode.Accepted, "the enabled route accepting again");

        using var deleted = await tenant.Admin.DeleteAsync($"/api/webhooks/routes/{created.Route.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await UntilAnsweredAsync(sender, path, newSecret, HttpStatusCode.NotFound, "the deleted route 404");
    }

    private static async Task UntilAnsweredAsync(HttpClient sender, string path, string secret, HttpStatusCode expected, string what)
    {
        var last = (HttpStatusCode)0;
        await Eventually.UntilAsync(async () => (last = await SendAsync(sender, path, secret)) == expected, Bound,
            () => $"{what}: expected {(int)expected}, last answer {(int)last}");
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient sender, string path, string secret)
    {
        using var response = await sender.SendAsync(WebhookSigner.StandardWebhooks(path, secret, $"msg_{Guid.NewGuid():N}", """{"type":"cache.check"}"""));
        return response.StatusCode;
    }
}
