using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Platform.Benchmarks.Webhooks;

/// <summary>
/// Accepted webhooks per second: Standard Webhooks v1 verification and the durable commit (event + outbox row) of
/// the real webhook-ingress, against a bare endpoint that only answers 202, both at 16 concurrent senders on loopback.
/// The relay and the Space consumer run meanwhile, as they would in production.
/// </summary>
public sealed class WebhooksBenchmark : IBenchmark
{
    private const int Senders = 16;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    public string Name => "webhooks";

    public string Description => "webhook ingress: accepted webhooks/s (Standard Webhooks + durable commit) vs a bare 202 endpoint and PostgreSQL's own rate for the same insert";

    public async Task RunAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var platform = await BenchmarkPlatform.StartAsync(cancellationToken);
        await using var bare = await BareEndpoint.StartAsync(cancellationToken);
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = Senders * 2 };
        var (path, secret) = await CreateRouteAsync(handler, platform, cancellationToken);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);

        var targets = new (string Name, Uri BaseAddress)[]
        {
            ("bare 202 endpoint (baseline)", bare.Url),
            ("webhook-ingress, direct", platform.Url("webhook-ingress")),
            ("webhook-ingress, through the gateway", platform.Url("gateway")),
        };
        var cpu = ResourceCpu.Find();
        var rows = new List<(string Name, LatencyRecorder Result, int Refused, double[] CpuMs)>();
        foreach (var (name, baseAddress) in targets)
        {
            using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress };
            await MeasureAsync(client, path, key, Warmup, cancellationToken);
            var before = cpu.Snapshot();
            var (result, refused) = await MeasureAsync(client, path, key, Duration, cancellationToken);
            var cpuMs = cpu.Snapshot().Zip(before, (after, start) => (after - start).TotalMilliseconds / Math.Max(1, result.Count)).ToArray();
            rows.Add((name, result, refused, cpuMs));
        }

        var (pendingAtEnd, drain, delivered) = await WaitForDeliveryAsync(platform, cancellationToken);
        var (limit, limitPostgresCpuMs) = await InsertLimit.MeasureAsync(platform, cpu, Senders, Warmup, Duration, cancellationToken);

        var baseline = rows[0].Result.OperationsPerSecond;
        report.Line($"{Senders} concurrent senders, {Duration.TotalSeconds:0} s each after {Warmup.TotalSeconds:0} s of warm-up; every request a fresh " +
            "event (unique `webhook-id`, ~300-byte JSON body) signed with HMAC-SHA256. The relay publishes to RabbitMQ and the Space " +
            "consumer records each event during the run, on the same 2 cores.");
        report.Line("");
        report.Table(
            ["target", "webhooks/s", "vs baseline", "vs PostgreSQL limit", "p50 ms", "p99 ms", "requests", "non-202"],
            rows.Select(row => (IReadOnlyList<string>)
            [
                row.Name,
                row.Result.OperationsPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                (row.Result.OperationsPerSecond / baseline).ToString("P0", CultureInfo.InvariantCulture),
                (row.Result.OperationsPerSecond / limit).ToString("F2", CultureInfo.InvariantCulture),
                row.Result.Percentile(50).ToString("F2", CultureInfo.InvariantCulture),
                row.Result.Percentile(99).ToString("F2", CultureInfo.InvariantCulture),
                row.Result.Count.ToString(CultureInfo.InvariantCulture),
                row.Refused.ToString(CultureInfo.InvariantCulture),
            ]));
        report.Line($"PostgreSQL limit (same run, after delivery finished): pgbench, {Senders} clients, prepared statements, the server's default " +
            "synchronous_commit, each transaction the accept statement (event row + outbox row, same row sizes) on scratch copies of the tables: " +
            $"{limit.ToString("F0", CultureInfo.InvariantCulture)} transactions/s, PostgreSQL CPU {limitPostgresCpuMs.ToString("F2", CultureInfo.InvariantCulture)} ms per transaction.");
        report.Line("");
        report.Line("CPU time per request in each resource during the same runs (ms; the resource's processes and their children, " +
            "from /proc; the baseline runs inside the benchmark process, so its row is all zero):");
        report.Line("");
        report.Table(
            ["target", .. cpu.Names],
            rows.Select(row => (IReadOnlyList<string>)[row.Name, .. row.CpuMs.Select(ms => ms.ToString("F2", CultureInfo.InvariantCulture))]));
        report.Line($"Delivery kept pace: when the last run ended {pendingAtEnd} accepted events were still waiting in the outbox; " +
            $"{drain.TotalSeconds:F1} s later all {delivered} accepted events (warm-up included) had reached the Space.");
        if (File.Exists("/proc/loadavg"))
        {
            report.Line($"Load average when the runs ended (the machine is shared): {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}.");
        }
    }

    /// <summary>How many events were still pending when sending stopped, and how long until every accepted event reached the Space.</summary>
    private static async Task<(long PendingAtEnd, TimeSpan Drain, long Delivered)> WaitForDeliveryAsync(BenchmarkPlatform platform, CancellationToken ct)
    {
        await using var database = NpgsqlDataSource.Create(platform.ConnectionString("webhookdb"));
        var started = Stopwatch.GetTimestamp();
        var pendingAtEnd = await ScalarAsync(database, "SELECT count(*) FROM webhooks.outbox WHERE sent_at IS NULL", ct);
        while (true)
        {
            var events = await ScalarAsync(database, "SELECT count(*) FROM webhooks.events", ct);
            var delivered = await ScalarAsync(database, "SELECT count(*) FROM webhooks.space_events", ct);
            if (delivered >= events)
            {
                return (pendingAtEnd, Stopwatch.GetElapsedTime(started), delivered);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<(LatencyRecorder Result, int Refused)> MeasureAsync(HttpClient client, string path, byte[] key, TimeSpan duration, CancellationToken ct)
    {
        var refused = 0;
        var sequence = 0L;
        var result = await LatencyRecorder.RunAsync(Senders, duration, async token =>
        {
            var id = $"bench-{Guid.NewGuid():N}";
            var body = $$$"""{"type":"order.updated","sequence":{{{Interlocked.Increment(ref sequence)}}},"order":{"id":"{{{id}}}","status":"paid","total":4200,"currency":"EUR","lines":[{"sku":"A-1","qty":2},{"sku":"B-7","qty":1}]}}""";
            using var request = Sign(path, key, id, body);
            using var response = await client.SendAsync(request, token);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref refused);
            }
        }, ct);
        return (result, refused);
    }

    private static HttpRequestMessage Sign(string path, byte[] key, string id, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. bytes];
        var signature = HMACSHA256.HashData(key, signed);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + Convert.ToBase64String(signature));
        return request;
    }

    /// <summary>A tenant (operator key), a Space and a Standard Webhooks route with a generated secret, through the gateway.</summary>
    private static async Task<(string Path, string Secret)> CreateRouteAsync(HttpMessageHandler handler, BenchmarkPlatform platform, CancellationToken ct)
    {
        using var gateway = new HttpClient(handler, disposeHandler: false) { BaseAddress = platform.Url("gateway") };
        using var tenantRequest = new HttpRequestMessage(HttpMethod.Post, "/api/registry/operator/tenants")
        {
            Content = JsonContent.Create(new { slug = "bench", name = "Webhook benchmark" }),
        };
        tenantRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.Parameters["platform-operator-key"]);
        using var tenantResponse = (await gateway.SendAsync(tenantRequest, ct)).EnsureSuccessStatusCode();
        using var tenant = JsonDocument.Parse(await tenantResponse.Content.ReadAsStringAsync(ct));
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.RootElement.GetProperty("adminKey").GetProperty("key").GetString());

        using var spaceResponse = (await gateway.PostAsJsonAsync("/api/registry/spaces", new { slug = "inbox", name = "Inbox" }, ct)).EnsureSuccessStatusCode();
        using var space = JsonDocument.Parse(await spaceResponse.Content.ReadAsStringAsync(ct));
        using var routeResponse = (await gateway.PostAsJsonAsync("/api/webhooks/routes",
            new { slug = "orders", scheme = "standard-webhooks", spaceId = space.RootElement.GetProperty("id").GetGuid() }, ct)).EnsureSuccessStatusCode();
        using var route = JsonDocument.Parse(await routeResponse.Content.ReadAsStringAsync(ct));
        return (route.RootElement.GetProperty("route").GetProperty("path").GetString()!, route.RootElement.GetProperty("signingSecret").GetString()!);
    }
}
