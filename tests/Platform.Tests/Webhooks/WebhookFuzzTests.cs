using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.Tests.Webhooks;

/// <summary>
/// Thousands of random and mutated requests at the receiver, on loopback, bounded in count and time: none may get a
/// 5xx or take the service down, and only requests that still verify may reach the outbox.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhookFuzzTests(DistributedApplicationFixture platform, ITestOutputHelper output)
{
    private const int RequestCount = 5000;
    private const int Concurrency = 8;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Random_and_mutated_requests_never_get_a_5xx_nor_crash_the_receiver()
    {
        using var tenant = await WebhookTenant.CreateAsync(platform);
        await using var database = new WebhookDatabase(platform);
        const string slackSecret = "fuzz-slack-signing-secret-0001";
        const string stripeSecret = "whsec_fuzzStripeSecret0001";
        var routes = new[]
        {
            await tenant.CreateRouteAsync("std", "standard-webhooks", maxPayloadBytes: 4096),
            await tenant.CreateRouteAsync("gh", "github", maxPayloadBytes: 4096),
            await tenant.CreateRouteAsync("slack", "slack", secret: slackSecret, maxPayloadBytes: 4096),
            await tenant.CreateRouteAsync("stripe", "stripe", secret: stripeSecret, maxPayloadBytes: 4096),
            await tenant.CreateRouteAsync("own", "hmac-sha256", maxPayloadBytes: 4096),
        };
        var secrets = routes.Select(r => r.SigningSecret ?? (r.Route.Scheme == "slack" ? slackSecret : stripeSecret)).ToArray();
        var before = await platform.App.GetResourceAsync("webhook-ingress");
        var outboxBefore = await database.CountAllOutboxAsync();

        var seed = Environment.TickCount;
        output.WriteLine($"fuzz seed {seed}");
        var generator = new FuzzRequestGenerator(new Random(seed), tenant.Slug, routes.Select(r => r.Route).ToArray(), secrets);
        var requests = Enumerable.Range(0, RequestCount).Select(_ => generator.Next()).ToList();
        using var receiver = platform.CreateHttpClient("webhook-ingress");
        using var gateway = platform.CreateHttpClient("gateway");
        var statuses = new ConcurrentDictionary<int, int>();
        var accepted = 0;
        var failures = new ConcurrentBag<string>();
        using var budget = new CancellationTokenSource(TimeBudget);

        var sent = 0;
        await Parallel.ForEachAsync(requests.Select((r, i) => (Request: r, Index: i)), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (item, _) =>
        {
            if (budget.IsCancellationRequested)
            {
                return;
            }
            using var request = item.Request;
            var client = item.Index % 10 == 0 ? gateway : receiver;
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                Interlocked.Increment(ref sent);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                else if (response.StatusCode == HttpStatusCode.Accepted && !(await response.Content.ReadFromJsonAsync<AcceptedDto>())!.Duplicate)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
            catch (HttpRequestException exception)
            {
                failures.Add($"{request.Method} {request.RequestUri}: {exception.Message}");
            }
        });

        output.WriteLine($"sent {sent} of {RequestCount}; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(sent >= 1000, $"only {sent} requests were sent within {TimeBudget.TotalSeconds:0} s");
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.All(statuses.Keys, status => Assert.InRange(status, 200, 499));
        Assert.Contains(statuses.Keys, status => status == 202);
        var after = await platform.App.GetResourceAsync("webhook-ingress");
        Assert.Equal((before.Pid, before.StartedAt), (after.Pid, after.StartedAt));
        Assert.True(after.IsRunningAndHealthy, after.ToString());
        Assert.Equal(outboxBefore + accepted, await database.CountAllOutboxAsync());
    }
}
