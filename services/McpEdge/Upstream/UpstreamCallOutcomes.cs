using System.Collections.Concurrent;
using Platform.McpEdge.Server;

namespace Platform.McpEdge.Upstream;

/// <summary>
/// How the last request this replica sent to an upstream for a subject went (tools/call, resources/read, prompts/get,
/// completion/complete): when, and the failure in words (the caller's credential already hidden). Kept in this
/// replica's memory only: each replica reports what it has seen itself, and says so
/// (<see cref="Tools.PlatformTools"/>). Bounded: past <see cref="MaxEntries"/> subjects × upstreams it starts over.
/// </summary>
public sealed class UpstreamCallOutcomes(TimeProvider timeProvider)
{
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(Guid Tenant, Guid Subject, Guid Source), UpstreamCallOutcome> _last = new();

    public void Succeeded(EdgeCaller caller, Guid sourceId) => Record(caller, sourceId, new UpstreamCallOutcome(UpstreamCallOutcome.Success, timeProvider.GetUtcNow(), null));

    public void Failed(EdgeCaller caller, Guid sourceId, string error) =>
        Record(caller, sourceId, new UpstreamCallOutcome(UpstreamCallOutcome.Failed, timeProvider.GetUtcNow(), error));

    /// <summary>The last outcome this replica saw, or null when it has sent this subject's requests to the upstream none.</summary>
    public UpstreamCallOutcome? Last(EdgeCaller caller, Guid sourceId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _last.TryGetValue((caller.TenantId, caller.SubjectId, sourceId), out var outcome) ? outcome : null;
    }

    private void Record(EdgeCaller caller, Guid sourceId, UpstreamCallOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (_last.Count >= MaxEntries)
        {
            _last.Clear();
        }
        _last[(caller.TenantId, caller.SubjectId, sourceId)] = outcome;
    }
}

/// <summary>One request's outcome: <c>success</c> (the upstream answered, a tool's own isError included) or <c>failed</c>.</summary>
public sealed record UpstreamCallOutcome(string Outcome, DateTimeOffset At, string? Error)
{
    public const string Success = "success";
    public const string Failed = "failed";

    public bool IsFailure => Outcome == Failed;
}
