using Npgsql;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Audit;

[Collection(PlatformCollection.Name)]
public sealed class ToolCallAuditTests(DistributedApplicationFixture platform)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly AuditDatabase _database = new(platform.GetConnectionString("auditdb"));

    [Fact]
    public async Task A_published_tool_call_is_stored_once_with_all_its_fields()
    {
        var tenant = Guid.NewGuid().ToString();
        var call = AuditBus.ToolCall(tenant, tool: "sentry__get_issue", outcome: "error", durationMs: 1234, agentId: Guid.NewGuid().ToString().ToUpperInvariant());
        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            await bus.PublishAsync(call);
        }

        await _database.WaitForToolCallsAsync(tenant, 1, Timeout);

        await using var connection = new NpgsqlConnection(platform.GetConnectionString("auditdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT agent_id, subject_id, install_id, tool_name, upstream_tool_name, duration_ms, outcome, error_class, arguments->>'query', bytes_in, bytes_out, trace_id, occurred_at FROM audit.tool_calls WHERE id = $1",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = call.Id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(call.AgentId.ToLowerInvariant(), reader.GetString(0));
        Assert.Equal(call.SubjectId, reader.GetString(1));
        Assert.Equal(call.InstallId, reader.GetGuid(2));
        Assert.Equal("sentry__get_issue", reader.GetString(3));
        Assert.Equal("get_issue", reader.GetString(4));
        Assert.Equal(1234, reader.GetInt64(5));
        Assert.Equal("error", reader.GetString(6));
        Assert.Equal("UpstreamError", reader.GetString(7));
        Assert.Equal("is:open label:bug", reader.GetString(8));
        Assert.Equal(120, reader.GetInt64(9));
        Assert.Equal(2048, reader.GetInt64(10));
        Assert.Equal(call.TraceId, reader.GetString(11));
        Assert.Equal(call.OccurredAt, reader.GetDateTime(12), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Redelivered_batches_and_calls_replayed_in_other_batches_add_nothing()
    {
        var tenant = Guid.NewGuid().ToString();
        var calls = Enumerable.Range(0, 200).Select(_ => AuditBus.ToolCall(tenant)).ToList();
        var batches = AuditBus.Batches(calls, callsPerMessage: 50);
        await using var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus"));
        await Task.WhenAll(batches.Select(batch => bus.PublishAsync(batch)));
        await _database.WaitForToolCallsAsync(tenant, 200, Timeout);

        // The same messages again, twice (a broker redelivery), and the same calls cut differently and shuffled (a
        // journal replay after a crash regroups them): every call keeps its id, so none is stored twice.
        await Task.WhenAll(batches.Concat(batches).Select(batch => bus.PublishAsync(batch)));
        await bus.PublishAllAsync(calls.OrderBy(_ => Random.Shared.Next()), callsPerMessage: 7);
        var marker = AuditBus.ToolCall(tenant, tool: "marker__after_duplicates");
        await bus.PublishAsync(marker);
        await _database.WaitForToolCallsAsync(tenant, 201, Timeout);
        await WaitForQueueDrainedAsync();

        Assert.Equal(201, await _database.ToolCallCountAsync(tenant));
        Assert.Equal(201, await _database.DistinctToolCallIdsAsync(tenant));
    }

    [Fact]
    public async Task Secrets_planted_in_arguments_never_reach_the_table()
    {
        string[] secrets =
        [
            "hunter2-password-value", "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "AKIAIOSFODNN7EXAMPLE",
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "sk_live_51HqLyjWDarjtT1zdp7dcXYZ0123456789",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJlLXZhbHVlLTEyMzQ", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "opaque-bearer-7f9d8e6c5b4a", "MIIEowIBAAKCAQEA7v1xSECRETKEY", "session-cookie-abc123",
        ];
        var arguments = $$"""
            {"query":"deploy","password":"{{secrets[0]}}","nested":{"list":["ok","{{secrets[1]}}",{"apiKey":"plain"}]},
             "note":"aws {{secrets[2]}} and slack {{secrets[3]}}","stripe":"{{secrets[4]}}",
             "headers":{"Authorization":"Bearer {{secrets[7]}}","Cookie":"sid={{secrets[9]}}"},"jwt":"{{secrets[5]}}",
             "webhook":"{{secrets[6]}}","pem":"-----BEGIN PRIVATE KEY-----\n{{secrets[8]}}\n-----END PRIVATE KEY-----",
             "already":"[REDACTED:0123456789ab]"}
            """;
        var tenant = Guid.NewGuid().ToString();
        var call = AuditBus.ToolCall(tenant, arguments: arguments) with { ErrorClass = $"failed with token={secrets[7]}" };
        await using (var bus = await AuditBus.StartAsync(platform.GetConnectionString("eventbus")))
        {
            await bus.PublishAsync(call);
        }
        await _database.WaitForToolCallsAsync(tenant, 1, Timeout);

        var stored = (await _database.StringsAsync(
            "SELECT arguments::text || ' ' || coalesce(error_class, '') FROM audit.tool_calls WHERE id = $1", call.Id)).Single();
        foreach (var secret in secrets)
        {
            Assert.False(stored.Contains(secret, StringComparison.Ordinal), $"secret #{Array.IndexOf(secrets, secret)} reached audit.tool_calls");
        }
        Assert.Contains("\"query\": \"deploy\"", stored, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:0123456789ab]", stored, StringComparison.Ordinal);
        Assert.True(stored.Split("[REDACTED:").Length - 1 >= secrets.Length, "every planted secret became a marker");
    }

    private async Task WaitForQueueDrainedAsync()
    {
        var queues = new RabbitQueues(platform.GetConnectionString("eventbus"));
        uint? ready = null;
        await Eventually.UntilAsync(async () => (ready = await queues.ReadyCountAsync("tool-call-audit")) == 0, Timeout, () => $"tool-call-audit drained; {ready} ready");
    }
}
