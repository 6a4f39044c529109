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
    public void The_callers_names_are_kept_within_the_registrys_limits_and_an_older_event_has_none()
    {
        var record = _factory.Create(Event() with { AgentSlug = " deploy-bot ", IdentityName = "Alice Example", InstallSlug = "agent.helper" });
        var longer = _factory.Create(Event() with { AgentSlug = new string('a', 60), IdentityName = new string('n', 150) });
        var older = _factory.Create(Event());

        Assert.Equal(("deploy-bot", "Alice Example", "agent.helper"), (record.AgentSlug, record.IdentityName, record.InstallSlug));
        Assert.Empty(record.AlteredFields);
        Assert.Equal(CallerNames.MaxAgentSlugLength, longer.AgentSlug!.Length);
        Assert.Equal(CallerNames.MaxIdentityNameLength, longer.IdentityName!.Length);
        Assert.Equal(["agentSlug", "identityName"], longer.AlteredFields);
        Assert.Equal((null, null, null), (older.AgentSlug, older.IdentityName, older.InstallSlug));
    }

    [Fact]
    public void A_secret_shaped_name_is_redacted_like_any_free_text()
    {
        var record = _factory.Create(Event() with { IdentityName = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789" });

        Assert.DoesNotContain("ghp_aBcDeF", record.IdentityName, StringComparison.Ordinal);
        Assert.StartsWith("[REDACTED:", record.IdentityName, StringComparison.Ordinal);
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
        { "occurredAt is outside the accepted range.", e => e with { OccurredAt = default } },
        { "occurredAt is outside the accepted range.", e => e with { OccurredAt = Now.UtcDateTime.AddDays(3) } },
        { "is older than the retention period and would be dropped at once.", e => e with { OccurredAt = Now.UtcDateTime.AddDays(-91) } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_event_is_rejected_with_a_reason_that_names_the_field(string reason, Func<ToolCallCompleted, ToolCallCompleted> spoil)
    {
        var error = Assert.Throws<RejectedRecordException>(() => _factory.Create(spoil(Event())));

        Assert.EndsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_event_is_stored_unaltered_as_a_tool_call()
    {
        var record = _factory.Create(Event());

        Assert.Empty(record.AlteredFields);
        Assert.Equal("tool", record.Kind);
    }

    [Fact]
    public void The_kind_is_kept_lower_case()
    {
        Assert.Equal("resource", _factory.Create(Event() with { Kind = " Resource" }).Kind);
    }

    // Built in code: test-case serialization would itself replace unpaired surrogates in attribute data.
    public static TheoryData<string, Func<ToolCallCompleted, ToolCallCompleted>, Func<ToolCallRecord, bool>> Unstorable => new()
    {
        { "toolName", e => e with { ToolName = new string('t', 300) }, r => r.ToolName.Length == 256 && r.ToolName.EndsWith(StorableText.TruncationMarker, StringComparison.Ordinal) },
        { "toolName", e => e with { ToolName = "bad\u0000tool" }, r => r.ToolName == "bad\uFFFDtool" },
        { "toolName", e => e with { ToolName = "lone\uD800" }, r => r.ToolName == "lone\uFFFD" },
        { "upstreamToolName", e => e with { UpstreamToolName = new string('u', 257) }, r => r.UpstreamToolName.Length == 256 },
        { "arguments", e => e with { RedactedArguments = """{"n":1e99999999999}""" }, r => r.Arguments == """{"n":"1e99999999999"}""" },
        { "arguments", e => e with { RedactedArguments = """{"q":"a\u0000b\udc00"}""" }, r => System.Text.Json.JsonDocument.Parse(r.Arguments).RootElement.GetProperty("q").GetString() == "a\uFFFDb\uFFFD" },
        { "arguments", e => e with { RedactedArguments = "{\"q\":\"\uD800\"}" }, r => System.Text.Json.JsonDocument.Parse(r.Arguments).RootElement.GetProperty("q").GetString() == "\uFFFD" },
        { "outcome", e => e with { Outcome = "" }, r => r.Outcome == ToolCallRecordFactory.UnknownOutcome },
        { "durationMs", e => e with { DurationMs = -1 }, r => r.DurationMs == 0 },
        { "bytesOut", e => e with { BytesOut = -5 }, r => r.BytesOut == 0 },
        { "errorClass", e => e with { ErrorClass = "x\u0000" + new string('e', 600) }, r => r.ErrorClass!.Length == 512 && r.ErrorClass[1] == '\uFFFD' },
        { "traceId", e => e with { TraceId = new string('7', 100) }, r => r.TraceId!.Length == 64 },
    };

    [Theory]
    [MemberData(nameof(Unstorable), DisableDiscoveryEnumeration = true)]
    public void A_value_that_cannot_be_stored_as_given_is_stored_in_a_safe_form_and_the_field_is_marked(
        string field, Func<ToolCallCompleted, ToolCallCompleted> spoil, Func<ToolCallRecord, bool> stored)
    {
        var record = _factory.Create(spoil(Event()));

        Assert.Equal([field], record.AlteredFields);
        Assert.True(stored(record), $"{field} was not stored in its safe form");
    }

    [Fact]
    public void An_empty_tool_name_is_stored_empty()
    {
        var record = _factory.Create(Event() with { ToolName = "" });

        Assert.Equal(string.Empty, record.ToolName);
        Assert.Empty(record.AlteredFields);
    }

    [Fact]
    public void A_truncated_preview_is_marked_altered()
    {
        var record = _factory.Create(Event() with { RedactedArguments = $$"""{"blob":"{{new string('a', 100_000)}}"}""" });

        Assert.Equal(["arguments"], record.AlteredFields);
    }

    private static ToolCallCompleted Event() => new(
        Guid.NewGuid(), Now.UtcDateTime.AddMinutes(-1), Guid.NewGuid().ToString(), "agent", "subject", Guid.NewGuid(), "gh__search", "search",
        Now.UtcDateTime.AddMinutes(-1).AddMilliseconds(-20), 20, "success", null, "{}", 10, 20, null);
}
