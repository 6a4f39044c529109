using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Webhooks;

/// <summary>Stops the shared platform's broker and starts it again; every test in the collection runs after it is healthy.</summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookBrokerOutageTests(DistributedApplicationFixture platform)
{
    private const int EventCount = 500;
    private const int Senders = 8;
    private static readonly string[] BusClients = ["secrets-vault", "integration-registry", "oauth-broker", "mcp-edge", "webhook-ingress", "audit-writer"];

    [Fact]
    public async Task Events_accepted_while_the_broker_is_down_are_all_delivered_exactly_once_after_it_returns()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        await using var database = new WebhookDatabase(platform);
        var space = await tenant.CreateSpaceAsync("outage");
        var route = await tenant.CreateRouteAsync("outage", "standard-webhooks", spaceId: space, requesterIdentity: "outage-test");
        using var sender = platform.CreateHttpClient("gateway");
        var accepted = new ConcurrentBag<Guid>();

        try
        {
            await platform.ExecuteCommandAsync("eventbus", "stop");
            await Eventually.UntilAsync(async () => (await platform.App.GetResourceAsync("eventbus")).State != "running",
                TimeSpan.FromSeconds(30), () => "eventbus stopped");

            await Parallel.ForEachAsync(Enumerable.Range(0, EventCount), new ParallelOptions { MaxDegreeOfParallelism = Senders }, async (i, ct) =>
            {
                using var request = WebhookSigner.StandardWebhooks(route.Route.Path, route.SigningSecret!, $"outage-{i}", $$"""{"sequence":{{i}}}""");
                using var response = await sender.SendAsync(request, ct);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                accepted.Add((await response.Content.ReadFromJsonAsync<AcceptedDto>(ct))!.EventId);
            });

            Assert.Equal(EventCount, accepted.Distinct().Count());
            Assert.Equal(EventCount, await database.CountOutboxAsync(route.Route.Id));
            Assert.Empty(await database.SpaceDeliveriesAsync(space));
        }
        finally
        {
            await platform.ExecuteCommandAsync("eventbus", "start");
            await platform.WaitForResourceHealthyAsync("eventbus", TimeSpan.FromSeconds(60));
            foreach (var service in BusClients)
            {
                await platform.WaitForResourceHealthyAsync(service, TimeSpan.FromSeconds(90));
            }
        }

        IReadOnlyList<(Guid EventId, int Redeliveries)> delivered = [];
        await Eventually.UntilAsync(
            async () => (delivered = await database.SpaceDeliveriesAsync(space)).Count >= EventCount,
            TimeSpan.FromSeconds(120),
            () => $"{EventCount} events delivered to the Space; {delivered.Count} so far");

        Assert.Equal(accepted.Order(), delivered.Select(d => d.EventId).Order());
        Assert.All(delivered, d => Assert.Equal(0, d.Redeliveries));
        Assert.Equal(EventCount, await database.CountEventsAsync(route.Route.Id));
    }
}
