using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Platform.Contracts;
using Platform.Redaction;

namespace Platform.McpEdge.Audit;

/// <summary>
/// Turns a <see cref="ToolCallRecord"/> into the <see cref="ToolCallCompleted"/> event: arguments redacted (secret
/// keys, secret-shaped values, and any value equal to a credential the call used), sizes measured as JSON bytes;
/// it occurred when the call finished, however long the record waited to be published.
/// </summary>
public sealed class ToolCallEvents(SecretRedactor redactor)
{
    public ToolCallCompleted Create(ToolCallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var arguments = record.Arguments is null
            ? null
            : JsonSerializer.SerializeToNode(record.Arguments, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, JsonElement>)));
        var bytesIn = record.Arguments is null ? 0 : JsonSerializer.SerializeToUtf8Bytes(arguments, McpJsonUtilities.DefaultOptions).LongLength;
        var bytesOut = record.Result is not null
            ? JsonSerializer.SerializeToUtf8Bytes(record.Result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))).LongLength
            : record.ForwardedResult is { } forwarded
                ? JsonSerializer.SerializeToUtf8Bytes(forwarded, McpJsonUtilities.DefaultOptions.GetTypeInfo(forwarded.GetType())).LongLength
                : 0;
        return new ToolCallCompleted(
            Guid.CreateVersion7(),
            record.FinishedAt,
            record.Caller.TenantId.ToString(),
            record.Caller.AgentId.ToString(),
            record.Caller.SubjectId.ToString(),
            record.SourceId,
            record.ToolName,
            record.UpstreamToolName,
            record.StartedAt,
            Math.Max(record.DurationMs, 0),
            record.Outcome,
            record.ErrorClass,
            redactor.Redact(arguments, [.. record.CredentialValues]),
            bytesIn,
            bytesOut,
            record.TraceId)
        {
            Kind = record.Kind,
            AgentSlug = record.Caller.AgentSlug,
            IdentityName = record.Caller.SubjectName,
            InstallSlug = record.SourceNamespace,
        };
    }
}
