using System.Diagnostics;
using ModelContextProtocol.Client;
using Npgsql;
using Platform.Benchmarks.Edge;

namespace Platform.Benchmarks.Audit;

/// <summary>
/// The audit lag end to end: real tool calls through the gateway and the MCP edge at a steady rate, each audited by
/// the edge and written by the audit writer. Every row's lag is its <c>received_at</c> minus the <c>occurred_at</c>
/// the edge stamped when the call finished; one call in 100 carries a marker the benchmark polls for (every 5 ms)
/// from the moment its response arrived, for the lag to the row being visible to another connection.
/// </summary>
internal static class EdgeLag
{
    private const int SampleEvery = 100;
    private static readonly Lock Gate = new();

    public static async Task<EdgeLagResult> MeasureAsync(BenchmarkPlatform platform, NpgsqlDataSource dataSource, int rate, TimeSpan duration, CancellationToken ct)
    {
        await using var upstream = await EchoUpstream.StartAsync(ct);
        var (token, tenantId) = await EdgeTenant.CreateWithIdAsync(platform.Url("gateway"), platform.Parameters["platform-operator-key"], upstream.Endpoint, ct);
        await using var client = await EdgeClient.ConnectAsync(new Uri(platform.Url("gateway"), "/mcp"), token, ct);
        var tool = $"{EdgeTenant.InstallSlug}__echo";
        var tenant = tenantId.ToString();

        // Warm-up, not measured: the same rate for a few seconds, with markers of its own.
        await RunAsync(client, tool, "warm", rate, TimeSpan.FromSeconds(5), (_, _) => { }, ct);
        var since = DateTime.UtcNow;
        var watchers = new List<Task<double>>();
        var sent = await RunAsync(client, tool, "lag", rate, duration, (marker, completedAt) => watchers.Add(WatchAsync(dataSource, tenant, since, marker, completedAt, ct)), ct);
        var visible = (await Task.WhenAll(watchers)).Order().ToArray();

        await using var count = dataSource.CreateCommand(
            "SELECT count(*) FROM audit.tool_calls WHERE tenant_id = $1 AND occurred_at >= $2 AND arguments->>'text' LIKE 'lag-%'");
        count.Parameters.Add(new NpgsqlParameter { Value = tenant });
        count.Parameters.Add(new NpgsqlParameter { Value = since });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        long rows;
        while ((rows = (long)(await count.ExecuteScalarAsync(ct))!) < sent && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
        await using var lag = dataSource.CreateCommand("""
            SELECT percentile_disc(ARRAY[0.5, 0.95, 0.99, 1.0]) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - occurred_at) * 1000)
            FROM audit.tool_calls WHERE tenant_id = $1 AND occurred_at >= $2 AND arguments->>'text' LIKE 'lag-%'
            """);
        lag.Parameters.Add(new NpgsqlParameter { Value = tenant });
        lag.Parameters.Add(new NpgsqlParameter { Value = since });
        var written = (decimal[])(await lag.ExecuteScalarAsync(ct))!;
        return new EdgeLagResult(sent, rows, [.. written.Select(v => (double)v)], visible);
    }

    /// <summary>Starts calls on schedule (not waiting for earlier ones), so the rate holds whatever the latency.</summary>
    private static async Task<int> RunAsync(McpClient client, string tool, string prefix, int rate, TimeSpan duration, Action<string, DateTime> sampled, CancellationToken ct)
    {
        var calls = new List<Task>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (clock.Elapsed < duration)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate);
            for (; sent < due; sent++)
            {
                var marker = $"{prefix}-{sent}";
                var sample = sent % SampleEvery == 0;
                calls.Add(CallAsync(client, tool, marker, sample ? sampled : null, ct));
            }
            await Task.Delay(TimeSpan.FromMilliseconds(1), ct);
        }
        await Task.WhenAll(calls);
        return sent;
    }

    private static async Task CallAsync(McpClient client, string tool, string marker, Action<string, DateTime>? sampled, CancellationToken ct)
    {
        var result = await client.CallToolAsync(tool, new Dictionary<string, object?> { ["text"] = marker }, cancellationToken: ct);
        if (result.IsError == true)
        {
            throw new InvalidOperationException($"{tool} failed.");
        }
        if (sampled is not null)
        {
            lock (Gate)
            {
                sampled(marker, DateTime.UtcNow);
            }
        }
    }

    private static async Task<double> WatchAsync(NpgsqlDataSource dataSource, string tenant, DateTime since, string marker, DateTime completedAt, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM audit.tool_calls WHERE tenant_id = $1 AND occurred_at >= $2 AND arguments->>'text' = $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        command.Parameters.Add(new NpgsqlParameter { Value = marker });
        while (!(bool)(await command.ExecuteScalarAsync(ct))!)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), ct);
        }
        return (DateTime.UtcNow - completedAt).TotalMilliseconds;
    }
}

internal sealed record EdgeLagResult(int Calls, long Rows, double[] Written, double[] Visible);
