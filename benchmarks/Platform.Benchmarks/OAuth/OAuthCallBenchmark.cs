using System.Globalization;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.OAuth.Tests;

namespace Platform.Benchmarks.OAuth;

/// <summary>
/// tools/call through gateway and edge on an install whose credential is a person's OAuth token (connected through a
/// connect link, the token cached by the edge) against the same call on a static-key install of the same upstream,
/// in the same run, with the same client: interleaved rounds at 1 caller, then 16 callers. The authorization server
/// counts its token requests, so the report says whether any call needed one.
/// </summary>
public sealed class OAuthCallBenchmark : IBenchmark
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(4);
    private const int Rounds = 8;

    public string Name => "oauth-call";

    public string Description => "tools/call on an OAuth credential (token cached) vs on a static key, same upstream";

    public async Task RunAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__PermitsPerSecond", "1000000");
        Environment.SetEnvironmentVariable("Gateway__McpRateLimit__Burst", "1000000");
        await using var platform = await BenchmarkPlatform.StartAsync(cancellationToken);
        var staticKey = "sk-" + Guid.NewGuid().ToString("N");
        await using var server = await TestOAuthServer.StartAsync(new() { ServerScopesSupported = ["echo", "offline_access"], StaticBearer = staticKey });
        var token = await OAuthTenant.CreateConnectedAsync(platform.Url("gateway"), platform.Parameters["platform-operator-key"], server.McpUrl, staticKey, cancellationToken);

        await using var client = await Edge.EdgeClient.ConnectAsync(new Uri(platform.Url("gateway"), "/mcp"), token, cancellationToken);
        var oauth = Echo(client, $"{OAuthTenant.OAuthInstall}__echo");
        var key = Echo(client, $"{OAuthTenant.StaticInstall}__echo");
        await LatencyRecorder.RunAsync(16, Warmup, key, cancellationToken);
        await LatencyRecorder.RunAsync(16, Warmup, oauth, cancellationToken);
        var tokenRequestsBefore = server.TokenRequests.Count;

        var rows = new List<IReadOnlyList<string>>();
        var added = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            // Alternate which goes first, so a drift of the machine's speed does not favour one path.
            var (first, second) = round % 2 == 1 ? (key, oauth) : (oauth, key);
            var a = await LatencyRecorder.RunAsync(1, Round, first, cancellationToken);
            var b = await LatencyRecorder.RunAsync(1, Round, second, cancellationToken);
            var (staticRun, oauthRun) = round % 2 == 1 ? (a, b) : (b, a);
            added.Add(oauthRun.Percentile(50) - staticRun.Percentile(50));
            rows.Add(Row($"round {round}, 1 caller", staticRun, oauthRun));
        }
        var staticMany = await LatencyRecorder.RunAsync(16, Round, key, cancellationToken);
        var oauthMany = await LatencyRecorder.RunAsync(16, Round, oauth, cancellationToken);
        rows.Add(Row("16 callers", staticMany, oauthMany));
        var tokenRequests = server.TokenRequests.Count - tokenRequestsBefore;

        report.Line($"Each row: {Round.TotalSeconds:0} s per path after a {Warmup.TotalSeconds:0} s warm-up of each; one SDK client through the gateway, "
            + "one in-process upstream that accepts both the person's OAuth access token and the static key; rounds alternate which path goes first.");
        report.Line("");
        report.Table(["scenario", "static p50 ms", "static p99 ms", "static ops/s", "oauth p50 ms", "oauth p99 ms", "oauth ops/s", "added p50 ms", "throughput ratio"], rows);
        added.Sort();
        report.Line($"Added p50 at 1 caller, median of the {Rounds} rounds: {Ms((added[(Rounds - 1) / 2] + added[Rounds / 2]) / 2)} ms. "
            + $"Token requests to the authorization server during the measured runs: {tokenRequests}.");
    }

    private static Func<CancellationToken, Task> Echo(McpClient client, string tool) => async ct =>
    {
        var result = await client.CallToolAsync(tool, new Dictionary<string, object?> { ["message"] = "hello" }, cancellationToken: ct);
        if (result.IsError == true)
        {
            throw new InvalidOperationException($"{tool} failed: {string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text))}");
        }
    };

    private static IReadOnlyList<string> Row(string scenario, LatencyRecorder key, LatencyRecorder oauth) =>
    [
        scenario,
        Ms(key.Percentile(50)), Ms(key.Percentile(99)), key.OperationsPerSecond.ToString("0", CultureInfo.InvariantCulture),
        Ms(oauth.Percentile(50)), Ms(oauth.Percentile(99)), oauth.OperationsPerSecond.ToString("0", CultureInfo.InvariantCulture),
        Ms(oauth.Percentile(50) - key.Percentile(50)),
        (oauth.OperationsPerSecond / key.OperationsPerSecond).ToString("0.00", CultureInfo.InvariantCulture),
    ];

    private static string Ms(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
