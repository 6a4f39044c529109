using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.AuditWriter.Ingest;
using Platform.AuditWriter.Partitions;
using Platform.AuditWriter.ToolCalls;
using Platform.Contracts;
using Platform.Redaction;

namespace Platform.AuditWriter.Tests;

public sealed class ToolCallRecordFactoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly NpgsqlDataSource _unusedDatabase = NpgsqlDataSource.Create("Host=localhost");
    private readonly ToolCallRecordFactory _factory;

    public ToolCallRecordFactoryTests()
    {
        var clock = new FixedTimeProvider(Now);
        var partitions = new PartitionMaintenance(_unusedDatabase, new TestOptions<RetentionOptions>(new RetentionOptions { ToolCalls = TimeSpan.FromDays(90) }), clock, NullLogger<PartitionMaintenance>.Instance);
        _factory = new ToolCallRecordFactory(new SecretRedactor("unit-test-fingerprint-key-0123456789abcdef"), partitions, clock);
    }

    public void Dispose() => _unusedDatabase.Dispose();

    [Fact]
    public void A_valid_event_becomes_a_record_with_normalised_ids_and_redacted_arguments()
    {
        var agent = Guid.NewGuid();
        var record = _factory.Create(Event() with
        {
            AgentId = agent.ToString("N").ToUpperInvariant(),
            Outcome = " Error ",
            RedactedArguments = """{"q":"x","token":"abc"}""",
            ErrorClass = "Upstream said Bearer abcdef123456789",
        });

        Assert.Equal(agent.ToString("D"), record.AgentId);
        Assert.Equal("error", record.Outcome);
        Assert.DoesNotContain("abc\"", record.Arguments, StringComparison.Ordinal);
        Assert.Contains("[REDACTED:", record.Arguments, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef123456789", record.ErrorClass, StringComparison.Ordinal);
        Assert.Equal(DateTimeKind.Utc, record.OccurredAt.Kind);
    }

    [Fact]
    public void Arguments_that_are_not_json_are_stored_as_a_json_string()
    {
        var record = _factory.Create(Event() with { RedactedArguments = "plain text password=hunter22" });

        Assert.StartsWith("\"plain text password=[REDACTED:", record.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_arguments_are_kept_as_a_redacted_preview()
    {
        var big = $$"""{"blob":"{{new string('a', 100_000)}}","secret":"s3cr3t"}""";

        var record = _factory.Create(Event() with { RedactedArguments = big });

        Assert.True(record.Arguments.Length < 10_000);
        Assert.StartsWith("{\"truncated\":true,\"length\":", record.Arguments, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<ToolCallCompleted, ToolCallCompleted>> Invalid => new()
    {
        { "ToolCallCompleted has no id.", e => e with { Id = Guid.Empty } },
        { "has no tenantId.", e => e with { TenantId = "" } },
        { "has no agentId.", e => e with { AgentId = " " } },
        { "has no toolName.", e => e with { ToolName = "" } },
        { "has no outcome.", e => e with { Outcome = "" } },
        { "durationMs is negative.", e => e with { DurationMs = -1 } },
        { "bytesOut is negative.", e => e with { BytesOut = -5 } },
        { "occurredAt is outside the accepted range.", e => e with { OccurredAt = default } },
        { "occurredAt is outside the accepted range.", e => e with { OccurredAt = Now.UtcDateTime.AddDays(3) } },
        { "is older than the retention period and would be dropped at once.", e => e with { OccurredAt = Now.UtcDateTime.AddDays(-91) } },
        { "toolName is longer than 256 characters.", e => e with { ToolName = new string('t', 257) } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_event_is_rejected_with_a_reason_that_names_the_field(string reason, Func<ToolCallCompleted, ToolCallCompleted> spoil)
    {
        var error = Assert.Throws<RejectedRecordException>(() => _factory.Create(spoil(Event())));

        Assert.EndsWith(reason, error.Message, StringComparison.Ordinal);
    }

    private static ToolCallCompleted Event() => new(
        Guid.NewGuid(), Now.UtcDateTime.AddMinutes(-1), Guid.NewGuid().ToString(), "agent", "subject", Guid.NewGuid(), "gh__search", "search",
        Now.UtcDateTime.AddMinutes(-1).AddMilliseconds(-20), 20, "success", null, "{}", 10, 20, null);
}
