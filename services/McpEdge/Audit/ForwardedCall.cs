using System.Diagnostics;
using System.Text.Json;
using Platform.Contracts;
using Platform.McpEdge.Catalog;
using Platform.McpEdge.Server;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Audit;

/// <summary>
/// What the audit record of one forwarded request other than tools/call needs (a resource read, a prompt, a
/// completion, a template listing), collected as the request goes; <see cref="Complete"/> hands it to the audit path
/// whatever the outcome, so no forwarded request leaves without a trace.
/// </summary>
public sealed class ForwardedCall(EdgeCaller caller, string kind, string name, IDictionary<string, JsonElement>? arguments, TimeProvider timeProvider)
{
    private readonly DateTime _startedAt = timeProvider.GetUtcNow().UtcDateTime;
    private readonly long _started = timeProvider.GetTimestamp();
    private readonly string? _traceId = Activity.Current?.TraceId.ToString();
    private IReadOnlyList<string> _credentialValues = [];
    private UpstreamSource? _source;
    private string? _upstreamName;
    private string _outcome = ToolCallRecord.Failed;
    private string? _errorClass = UpstreamFailure.Unexpected;
    private object? _result;

    public EdgeCaller Caller { get; } = caller;

    /// <summary>The install the request goes to, and its name there (namespace removed).</summary>
    public void Route(UpstreamSource source, string upstreamName) => (_source, _upstreamName) = (source, upstreamName);

    public void UseCredential(UpstreamCredential credential) => _credentialValues = credential.SecretValues;

    public T Succeed<T>(T result) where T : class
    {
        (_outcome, _errorClass, _result) = (ToolCallRecord.Success, null, result);
        return result;
    }

    /// <summary>Refused before it went upstream: unknown, or not allowed by the install's lists.</summary>
    public void Reject(string errorClass) => (_outcome, _errorClass) = (ToolCallRecord.Rejected, errorClass);

    /// <summary>The upstream answered with a JSON-RPC error of its own.</summary>
    public void UpstreamError() => (_outcome, _errorClass) = (ToolCallRecord.ToolError, "upstream-error");

    public void Fail(string errorClass) => (_outcome, _errorClass) = (ToolCallRecord.Failed, errorClass);

    public void Cancel() => (_outcome, _errorClass) = (ToolCallRecord.Cancelled, "cancelled");

    public void Complete(ToolCallAuditQueue audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var duration = timeProvider.GetElapsedTime(_started);
        audit.Enqueue(new ToolCallRecord(
            Caller, _source?.Id ?? ToolCallCompleted.PlatformInstallId, name, _upstreamName ?? name, _startedAt, timeProvider.GetUtcNow().UtcDateTime, (long)duration.TotalMilliseconds,
            _outcome, _errorClass, arguments, _credentialValues, null, _traceId)
        {
            Kind = kind,
            SourceNamespace = _source?.Namespace,
            ForwardedResult = _result,
        });
    }
}
