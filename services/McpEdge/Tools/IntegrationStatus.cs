using Platform.McpEdge.Catalog;
using Platform.McpEdge.Upstream;

namespace Platform.McpEdge.Tools;

/// <summary>
/// One integration as <c>platform__list_integrations</c> describes it: whether it is connected, its status now, the
/// last request this replica sent it for the caller's person and how it went, and where its tools came from.
/// </summary>
public sealed record IntegrationStatus(
    string Namespace,
    string Name,
    string Kind,
    string AuthMethod,
    bool Connected,
    string Status,
    string? Detail,
    int Tools,
    IntegrationStatus.CallSeen? LastCall,
    IntegrationStatus.ListingSeen? Listing)
{
    /// <summary>Said in the answer: the status is one replica's own view, not shared between replicas.</summary>
    public const string SeenBy =
        "Status, lastCall and listing are as seen by the edge replica that answered: each replica keeps its own, in memory, "
        + "so a call another replica made is not in them.";

    /// <summary>
    /// <c>available</c>, <c>failing</c> (listed, but the last request to it failed: <see cref="Detail"/> says how),
    /// <c>not-connected</c>, <c>unavailable</c> (could not be listed) or <c>unusable</c>.
    /// </summary>
    public static IntegrationStatus Describe(SourceCatalog catalog, UpstreamCallOutcome? lastCall, DateTimeOffset asked)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var source = catalog.Source;
        var (status, detail) = catalog.IsAvailable
            ? lastCall is { IsFailure: true } ? ("failing", lastCall.Error) : ("available", null)
            : (catalog.FailureClass == UpstreamFailure.NotConnected ? "not-connected" : source.IsUsable ? "unavailable" : "unusable", catalog.FailureReason);
        return new IntegrationStatus(
            source.Namespace,
            source.DisplayName,
            source.Kind == UpstreamSourceKind.Agent ? "agent" : "integration",
            source.AuthMethod,
            source.Connected,
            status,
            detail,
            catalog.Tools.Count(tool => source.Exposes(tool.UpstreamName)),
            lastCall is null ? null : new CallSeen(lastCall.Outcome, lastCall.At, lastCall.Error),
            catalog.ListedAt is { } listedAt
                ? new ListingSeen(listedAt >= asked ? "fresh" : "cached", listedAt, catalog.IsAvailable ? "listed" : "failed")
                : null);
    }

    /// <summary>The last request's outcome (<c>success</c> or <c>failed</c>), when, and the failure in words.</summary>
    public sealed record CallSeen(string Outcome, DateTimeOffset At, string? Error);

    /// <summary>Whether the tools were listed for this answer (<c>fresh</c>) or come from the cache (<c>cached</c>), and when.</summary>
    public sealed record ListingSeen(string Source, DateTimeOffset ListedAt, string Outcome);
}
