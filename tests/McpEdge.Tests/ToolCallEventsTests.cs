using System.Text.Json;
using Platform.McpEdge.Audit;
using Platform.McpEdge.Server;
using Platform.Redaction;

namespace Platform.McpEdge.Tests;

public sealed class ToolCallEventsTests
{
    private readonly ToolCallEvents _events = new(new SecretRedactor("unit-test-fingerprint-key-0123456789abcdef"));

    [Fact]
    public void The_event_occurred_when_the_call_finished_not_when_it_was_published()
    {
        var finished = new DateTime(2026, 11, 21, 8, 30, 0, DateTimeKind.Utc);
        var record = Record(finished, new Dictionary<string, JsonElement> { ["q"] = JsonSerializer.SerializeToElement("x") });

        var e = _events.Create(record);

        Assert.Equal(finished, e.OccurredAt);
        Assert.Equal(finished.AddMilliseconds(-1500), e.StartedAt);
        Assert.Equal(1500, e.DurationMs);
    }

    [Fact]
    public void A_credential_value_in_the_arguments_is_redacted_before_the_event_exists()
    {
        var record = Record(DateTime.UtcNow, new Dictionary<string, JsonElement> { ["note"] = JsonSerializer.SerializeToElement("use s3cr3t-value-42 please") })
            with { CredentialValues = ["s3cr3t-value-42"] };

        var e = _events.Create(record);

        Assert.DoesNotContain("s3cr3t-value-42", e.RedactedArguments, StringComparison.Ordinal);
        Assert.Contains("[REDACTED", e.RedactedArguments, StringComparison.Ordinal);
    }

    [Fact]
    public void The_event_carries_the_callers_names_and_the_namespace_the_call_went_to()
    {
        var caller = new EdgeCaller(Guid.NewGuid(), "acme", Guid.NewGuid(), "Deploy bot", Guid.NewGuid()) { AgentSlug = "deploy-bot", SubjectName = "alice" };
        var record = Record(DateTime.UtcNow, new Dictionary<string, JsonElement>()) with { Caller = caller, SourceNamespace = "alpha" };

        var e = _events.Create(record);

        Assert.Equal(("deploy-bot", "alice", "alpha"), (e.AgentSlug, e.IdentityName, e.InstallSlug));
    }

    private static ToolCallRecord Record(DateTime finished, IDictionary<string, JsonElement> arguments) => new(
        new EdgeCaller(Guid.NewGuid(), "acme", Guid.NewGuid(), "bot", Guid.NewGuid()), Guid.NewGuid(), "alpha__echo", "echo",
        finished.AddMilliseconds(-1500), finished, 1500, ToolCallRecord.Success, null, arguments, [], null, null);
}
