using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Webhooks;

[Collection(PlatformCollection.Name)]
public sealed class WebhookDeliveryTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_signed_event_is_accepted_with_202_and_reaches_its_Space_once_with_attribution()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        await using var database = new WebhookDatabase(platform);
        var route = await tenant.CreateRouteAsync("orders", "standard-webhooks", requesterIdentity: "ops@example.test", credentialSubject: "subject-7");
        using var sender = platform.CreateHttpClient("gateway");
        const string body = """{"type":"order.created","order":{"id":42,"note":"naïve café ✓"}}""";

        using var first = await sender.SendAsync(WebhookSigner.StandardWebhooks(route.Route.Path, route.SigningSecret!, "msg_order_42", body));
        using var repeat = await sender.SendAsync(WebhookSigner.StandardWebhooks(route.Route.Path, route.SigningSecret!, "msg_order_42", body));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        var accepted = (await first.Content.ReadFromJsonAsync<AcceptedDto>())!;
        Assert.Equal(new AcceptedDto(accepted.EventId, Duplicate: true), await repeat.Content.ReadFromJsonAsync<AcceptedDto>());

        var delivered = await WaitForEventsAsync(tenant, tenant.SpaceId, 1);
        var e = Assert.Single(delivered);
        Assert.Equal(accepted.EventId, e.EventId);
        Assert.Equal((route.Route.Id, "orders", "standard-webhooks", "msg_order_42"), (e.RouteId, e.RouteSlug, e.Scheme, e.SenderEventId));
        Assert.Equal(("ops@example.test", "subject-7"), (e.RequesterIdentity, e.CredentialSubject));
        Assert.Equal(body, e.Payload);
        Assert.Equal("msg_order_42", e.Headers["webhook-id"]);
        Assert.StartsWith("application/json", e.Headers["content-type"], StringComparison.Ordinal);
        Assert.DoesNotContain("webhook-signature", e.Headers.Keys);
        Assert.Equal(1, await database.CountEventsAsync(route.Route.Id));
        Assert.Equal(1, await database.CountOutboxAsync(route.Route.Id));
        Assert.Equal(0, Assert.Single(await database.SpaceDeliveriesAsync(tenant.SpaceId)).Redeliveries);
    }

    [Fact]
    public async Task Every_scheme_accepts_what_its_sender_signs_and_Slack_url_verification_is_answered()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        var space = await tenant.CreateSpaceAsync("schemes");
        const string slackSecret = "8f742231b10e8888abcd99yyyzzz85a5";
        const string stripeSecret = "whsec_stripeIssuedSecretForPlatformTests";
        var github = await tenant.CreateRouteAsync("github", "github", spaceId: space);
        var slack = await tenant.CreateRouteAsync("slack", "slack", secret: slackSecret, spaceId: space);
        var stripe = await tenant.CreateRouteAsync("stripe", "stripe", secret: stripeSecret, spaceId: space);
        var own = await tenant.CreateRouteAsync("own", "hmac-sha256", spaceId: space);
        var seed = Encoding.ASCII.GetBytes("platform-tests-ed25519-seed-0001");
        var asymmetric = await tenant.CreateRouteAsync("ed25519", "standard-webhooks", spaceId: space,
            secret: "whpk_" + Convert.ToBase64String(WebhookIngress.Tests.Support.Ed25519TestSigner.PublicKey(seed)));
        Assert.Null(slack.SigningSecret);
        Assert.Null(asymmetric.SigningSecret);
        using var sender = platform.CreateHttpClient("gateway");

        var ts = WebhookSigner.Now();
        const string v1aBody = """{"signed":"ed25519"}""";
        var v1aSignature = WebhookIngress.Tests.Support.Ed25519TestSigner.Sign(seed, Encoding.UTF8.GetBytes($"msg_v1a.{ts}.{v1aBody}"));
        var requests = new[]
        {
            WebhookSigner.GitHub(github.Route.Path, github.SigningSecret!, "72d3162e-cc78-11e3-81ab-4c9367dc0958", """{"zen":"Design for failure."}""", "ping"),
            WebhookSigner.Slack(slack.Route.Path, slackSecret, """{"type":"event_callback","event_id":"Ev08MFMKH6","event":{"type":"app_mention"}}"""),
            WebhookSigner.Stripe(stripe.Route.Path, stripeSecret, """{"id":"evt_1NG8Du2eZvKYlo2CUI79vXWy","object":"event"}"""),
            WebhookSigner.SharedSecret(own.Route.Path, own.SigningSecret!, "own-1", """{"own":true}"""),
            WebhookSigner.Post(asymmetric.Route.Path, Encoding.UTF8.GetBytes(v1aBody),
                ("webhook-id", "msg_v1a"), ("webhook-timestamp", ts), ("webhook-signature", "v1a," + Convert.ToBase64String(v1aSignature))),
        };
        foreach (var request in requests)
        {
            using (request)
            using (var response = await sender.SendAsync(request))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        using var challenge = await sender.SendAsync(WebhookSigner.Slack(slack.Route.Path, slackSecret,
            """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""));
        Assert.Equal(HttpStatusCode.OK, challenge.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (await challenge.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["challenge"]);

        var delivered = await WaitForEventsAsync(tenant, space, requests.Length);
        Assert.Equal(
            ["72d3162e-cc78-11e3-81ab-4c9367dc0958", "Ev08MFMKH6", "evt_1NG8Du2eZvKYlo2CUI79vXWy", "msg_v1a", "own-1"],
            delivered.Select(e => e.SenderEventId).Order(StringComparer.Ordinal));
        Assert.Equal("ping", delivered.Single(e => e.Scheme == "github").Headers["x-github-event"]);
    }

    [Fact]
    public async Task A_Space_pages_back_through_its_events_newest_first()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        var route = await tenant.CreateRouteAsync("pages", "hmac-sha256");
        using var sender = platform.CreateHttpClient("gateway");
        for (var i = 0; i < 5; i++)
        {
            using var response = await sender.SendAsync(WebhookSigner.SharedSecret(route.Route.Path, route.SigningSecret!, $"page-{i}", $$"""{"i":{{i}}}"""));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        var all = await WaitForEventsAsync(tenant, tenant.SpaceId, 5);

        var firstPage = await tenant.GetSpaceEventsAsync(tenant.SpaceId, limit: 2);
        var secondPage = await tenant.GetSpaceEventsAsync(tenant.SpaceId, limit: 2, before: firstPage[^1].EventId);

        Assert.Equal(all.Take(4).Select(e => e.EventId), firstPage.Concat(secondPage).Select(e => e.EventId));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.ReceivedAt >= pair.Second.ReceivedAt));
    }

    private static async Task<IReadOnlyList<SpaceEventDto>> WaitForEventsAsync(WebhookTenant tenant, Guid spaceId, int count)
    {
        IReadOnlyList<SpaceEventDto> events = [];
        await Eventually.UntilAsync(
            async () => (events = await tenant.GetSpaceEventsAsync(spaceId)).Count >= count,
            DeliveryTimeout,
            () => $"{count} events in the Space; it has {events.Count}");
        return events;
    }
}
