using Platform.Contracts;

namespace Platform.Benchmarks.Audit;

/// <summary>Tool-call events shaped like the edge's: a few hundred bytes of arguments, one of them a secret to redact.</summary>
internal static class AuditEvents
{
    private static readonly Guid Install = Guid.Parse("0d9b7c3e-5f41-4a8e-9a57-2b6c8d1e4f30");

    public static ToolCallCompleted ToolCall(string tenantId, int sequence, DateTime occurredAt) => new(
        Guid.NewGuid(),
        occurredAt,
        tenantId,
        $"agent-{sequence % 10}",
        $"subject-{sequence % 50}",
        Install,
        $"github__tool_{sequence % 20}",
        $"tool_{sequence % 20}",
        occurredAt.AddMilliseconds(-25),
        25 + (sequence % 200),
        sequence % 17 == 0 ? "error" : "success",
        sequence % 17 == 0 ? "UpstreamError" : null,
        $$$"""{"repository":"acme/widgets","query":"is:open label:bug sort:updated","page":{{{sequence % 5}}},"perPage":50,"headers":{"Authorization":"Bearer tok_{{{sequence:D8}}}abcdef"}}""",
        180,
        4096,
        "4bf92f3577b34da6a3ce929d0e0e4736");
}
