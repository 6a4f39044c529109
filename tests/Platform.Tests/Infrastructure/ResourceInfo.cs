namespace Platform.Tests.Infrastructure;

/// <summary>One resource instance as <c>GET /api/resources</c> reports it (a replica is an instance of its own).</summary>
public sealed record ResourceInfo(
    string Name,
    string Resource,
    string Type,
    string State,
    IReadOnlyList<string> Urls,
    int? Pid,
    int RestartCount,
    ResourceHealth? Health,
    DateTimeOffset? StartedAt,
    int? ExitCode)
{
    public bool IsRunningAndHealthy => State == "running" && Health is { Healthy: true };

    public override string ToString() =>
        $"{Name} ({Type}): {State}, health {(Health is null ? "none" : Health.Healthy ? "healthy" : "unhealthy: " + Health.Detail)}, pid {Pid}, restarts {RestartCount}";
}
