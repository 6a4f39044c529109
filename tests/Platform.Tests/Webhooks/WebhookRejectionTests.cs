using System.Net;
using System.Text;
using System.Text.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Webhooks;

[Collection(PlatformCollection.Name)]
public sealed class WebhookRejectionTests(DistributedApplicationFixture platform)
{
    [Fact]
    public async Task Bad_requests_get_the_right_4xx_with_a_short_reason_that_leaks_nothing_and_never_reach_the_outbox()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        await using var database = new WebhookDatabase(platform);
        var route = await tenant.CreateRouteAsync("strict", "standard-webhooks", maxPayloadBytes: 1024);
        var paused = await tenant.CreateRouteAsync("paused", "standard-webhooks");
        using (var disable = await tenant.Admin.PatchAsync($"/api/webhooks/routes/{paused.Route.Id}", JsonContent("""{"enabled":false}""")))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        }
        var secret = route.SigningSecret!;
        var path = route.Route.Path;
        var stale = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var future = DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var sender = platform.CreateHttpClient("gateway");

        var cases = new (string Name, Func<HttpRequestMessage> Request, HttpStatusCode Status)[]
        {
            ("unknown tenant", () => WebhookSigner.StandardWebhooks($"/webhooks/no-such-tenant-{tenant.Slug}/strict", secret, "m1", "{}"), HttpStatusCode.NotFound),
            ("unknown route", () => WebhookSigner.StandardWebhooks($"/webhooks/{tenant.Slug}/nowhere", secret, "m1", "{}"), HttpStatusCode.NotFound),
            ("disabled route", () => WebhookSigner.StandardWebhooks(paused.Route.Path, paused.SigningSecret!, "m1", "{}"), HttpStatusCode.Forbidden),
            ("wrong signature", () => WithHeader(WebhookSigner.StandardWebhooks(path, secret, "m1", "{}"), "webhook-signature", "v1," + Convert.ToBase64String(new byte[32])), HttpStatusCode.Unauthorized),
            ("wrong key", () => WebhookSigner.StandardWebhooks(path, "whsec_" + Convert.ToBase64String(new byte[32]), "m1", "{}"), HttpStatusCode.Unauthorized),
            ("missing signature", () => WebhookSigner.Post(path, "{}"u8.ToArray(), ("webhook-id", "m1"), ("webhook-timestamp", WebhookSigner.Now())), HttpStatusCode.Unauthorized),
            ("stale timestamp", () => WebhookSigner.StandardWebhooks(path, secret, "m1", "{}", stale), HttpStatusCode.Unauthorized),
            ("future timestamp", () => WebhookSigner.StandardWebhooks(path, secret, "m1", "{}", future), HttpStatusCode.Unauthorized),
            ("malformed timestamp", () => WebhookSigner.StandardWebhooks(path, secret, "m1", "{}", "17e8"), HttpStatusCode.BadRequest),
            ("missing id", () => WithoutHeader(WebhookSigner.StandardWebhooks(path, secret, "m1", "{}"), "webhook-id"), HttpStatusCode.BadRequest),
            ("body over the limit", () => WebhookSigner.StandardWebhooks(path, secret, "m1", new string('x', 1025)), HttpStatusCode.RequestEntityTooLarge),
            ("chunked body over the limit", () => Chunked(WebhookSigner.StandardWebhooks(path, secret, "m1", new string('x', 4000))), HttpStatusCode.RequestEntityTooLarge),
            ("non-UTF-8 body", () => WebhookSigner.StandardWebhooks(path, secret, "m1", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), HttpStatusCode.BadRequest),
        };

        var titles = new Dictionary<string, string>();
        foreach (var (name, create, status) in cases)
        {
            using var request = create();
            using var response = await sender.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{name}: expected {(int)status}, got {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            var title = problem.RootElement.GetProperty("title").GetString()!;
            Assert.True(title.Length < 60, $"{name}: '{title}' is not short");
            Assert.False(problem.RootElement.TryGetProperty("detail", out _), $"{name}: the problem has a detail");
            Assert.DoesNotContain(secret[6..], body, StringComparison.Ordinal);
            titles[name] = title;
        }

        Assert.Equal(titles["wrong signature"], titles["missing signature"]);
        Assert.Equal(titles["wrong signature"], titles["wrong key"]);
        Assert.Equal(titles["unknown tenant"], titles["unknown route"]);
        Assert.Equal(0, await database.CountEventsAsync(route.Route.Id));
        Assert.Equal(0, await database.CountOutboxAsync(route.Route.Id));
        Assert.Equal(0, await database.CountOutboxAsync(paused.Route.Id));
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage WithHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static HttpRequestMessage WithoutHeader(HttpRequestMessage request, string name)
    {
        request.Headers.Remove(name);
        return request;
    }

    /// <summary>The same body sent without Content-Length (chunked), so only reading it can tell it is too large.</summary>
    private static HttpRequestMessage Chunked(HttpRequestMessage request)
    {
        var bytes = request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        request.Content = new StreamContent(new MemoryStream(bytes));
        request.Headers.TransferEncodingChunked = true;
        return request;
    }
}
