using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.McpEdge;

/// <summary>
/// Every tools/call leaves one redacted row in <c>audit.tool_calls</c>, beside the data path: calls go on while the
/// broker or the audit writer is down, and the records arrive, exactly once each, when they are back.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditTrailTests(DistributedApplicationFixture platform)
{
    private readonly AuditRows _rows = new(platform.GetConnectionString("auditdb"));

    [Fact]
    public async Task A_call_is_recorded_with_its_arguments_redacted()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);
        var marker = Guid.NewGuid().ToString("N");

        await client.CallToolAsync("alpha__lookup", new Dictionary<string, object?> { ["query"] = marker, ["api_key"] = "plain-looking-key-123" });
        await client.CallToolAsync("beta__echo", new Dictionary<string, object?> { ["text"] = world.BetaToken, ["note"] = marker });
        await client.CallToolAsync("alpha__fail", new Dictionary<string, object?> { ["note"] = marker });

        var lookup = await WaitForRowAsync(world, "alpha__lookup", marker);
        Assert.Equal(world.AgentId.ToString(), lookup.AgentId);
        Assert.Equal(world.SubjectId.ToString(), lookup.SubjectId);
        Assert.Equal(world.AlphaInstallId, lookup.InstallId);
        Assert.Equal("lookup", lookup.UpstreamToolName);
        Assert.Equal("success", lookup.Outcome);
        Assert.Null(lookup.ErrorClass);
        Assert.DoesNotContain("plain-looking-key-123", lookup.Arguments, StringComparison.Ordinal);
        Assert.Matches(@"""api_key"": ?""\[REDACTED:[0-9a-f]{12}\]""", lookup.Arguments);
        Assert.True(lookup.BytesIn > marker.Length && lookup.BytesOut > 0, $"{lookup.BytesIn} in, {lookup.BytesOut} out");
        Assert.Matches("^[0-9a-f]{32}$", lookup.TraceId ?? "");

        // The credential the call used is hidden wherever it appears, even under an innocent key.
        var echo = await WaitForRowAsync(world, "beta__echo", marker);
        Assert.Equal(world.BetaInstallId, echo.InstallId);
        Assert.DoesNotContain(world.BetaToken, echo.Arguments, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:", echo.Arguments, StringComparison.Ordinal);

        var fail = await WaitForRowAsync(world, "alpha__fail", marker);
        Assert.Equal("tool-error", fail.Outcome);
    }

    [Fact]
    public async Task Calls_keep_working_while_the_audit_writer_is_down_and_are_recorded_when_it_returns()
    {
        var world = await EdgeWorld.GetAsync(platform);
        await using var client = await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken);
        var marker = Guid.NewGuid().ToString("N");
        const int calls = 50;

        await PlatformResources.CommandAsync(platform, "audit-writer", "stop");
        try
        {
            for (var i = 0; i < calls; i++)
            {
                var result = await client.CallToolAsync("alpha__echo", new Dictionary<string, object?> { ["text"] = $"{marker}-{i}" });
                Assert.NotEqual(true, result.IsError);
            }
            Assert.Equal(0, await _rows.CountAsync(world.Tenant.Id, marker));
        }
        finally
        {
            await PlatformResources.RestoreAsync(platform, "audit-writer");
        }

        await Eventually.UntilAsync(async () => await _rows.CountAsync(world.Tenant.Id, marker) == calls, TimeSpan.FromSeconds(60),
            () => $"{calls} rows for the calls made while the audit writer was down");
    }

    [Fact]
    public async Task A_thousand_calls_with_the_broker_stopped_for_part_of_the_run_give_exactly_a_thousand_rows()
    {
        var world = await EdgeWorld.GetAsync(platform);
        var marker = Guid.NewGuid().ToString("N");
        const int total = 1000;
        const int workers = 8;
        var clients = new List<McpClient>();
        for (var i = 0; i < workers; i++)
        {
            clients.Add(await EdgeClients.ThroughGatewayAsync(platform, world.AgentToken));
        }
        var next = -1;
        var failures = 0;
        var brokerStopped = new TaskCompletionSource();
        var resume = new TaskCompletionSource();

        async Task WorkAsync(McpClient client)
        {
            while (Interlocked.Increment(ref next) is var i && i < total)
            {
                if (i == 300)
                {
                    brokerStopped.TrySetResult();
                }
                if (i >= 300 && i < 700)
                {
                    await resume.Task.WaitAsync(TimeSpan.FromSeconds(120));
                }
                var result = await client.CallToolAsync("alpha__echo", new Dictionary<string, object?> { ["text"] = $"{marker}-{i}" });
                if (result.IsError == true || result.Content.OfType<TextContentBlock>().Single().Text != $"{marker}-{i}")
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }

        var running = Task.WhenAll(clients.Select(WorkAsync));
        await brokerStopped.Task.WaitAsync(TimeSpan.FromSeconds(120));
        await PlatformResources.CommandAsync(platform, "eventbus", "stop");
        try
        {
            resume.TrySetResult();
            // The middle 400 calls run with no broker at all; a share of them is still in flight when it returns.
            await Eventually.UntilAsync(() => Volatile.Read(ref next) >= 700, TimeSpan.FromSeconds(120), () => $"calls reached {next}");
            await Eventually.UntilAsync(async () => await JournalPendingAsync() > 0, TimeSpan.FromSeconds(30),
                () => "with the broker down the records must wait in the journal");
            var (status, _) = await PlatformResources.HealthCheckAsync(platform, "mcp-edge", 0, "audit");
            Assert.Equal(200, status);
        }
        finally
        {
            await PlatformResources.RestoreAsync(platform, "eventbus");
        }
        await running;
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        Assert.Equal(0, failures);
        await Eventually.UntilAsync(async () => await _rows.CountAsync(world.Tenant.Id, marker) >= total && await JournalPendingAsync() == 0,
            TimeSpan.FromSeconds(120), () => "every record published and stored");
        Assert.Equal(total, await _rows.CountAsync(world.Tenant.Id, marker));
        foreach (var replica in new[] { 0, 1 })
        {
            var (_, description) = await PlatformResources.HealthCheckAsync(platform, "mcp-edge", replica, "audit");
            Assert.EndsWith("dropped: 0", description, StringComparison.Ordinal);
        }
    }

    private async Task<long> JournalPendingAsync()
    {
        long pending = 0;
        foreach (var replica in new[] { 0, 1 })
        {
            var (_, description) = await PlatformResources.HealthCheckAsync(platform, "mcp-edge", replica, "audit");
            pending += long.Parse(description!.Split(';')[0].Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return pending;
    }

    private async Task<AuditRow> WaitForRowAsync(EdgeWorld world, string tool, string marker)
    {
        AuditRow? row = null;
        await Eventually.UntilAsync(async () => (row = await _rows.FindAsync(world.Tenant.Id, tool, marker)) is not null,
            TimeSpan.FromSeconds(30), () => $"an audit row for {tool}");
        return row!;
    }
}
