namespace Platform.Tests.Infrastructure;

/// <summary>
/// One resource instance as Aspire reports it: <see cref="Name"/> is the resource's name for a single instance and
/// <c>resource-N</c> for replica N; <see cref="InstanceId"/> is Aspire's id for it (the service's instance id).
/// </summary>
public sealed record ResourceInfo(
    string Name,
    string InstanceId,
    string Resource,
    string Type,
    string State,
    IReadOnlyList<string> Urls,
    int? Pid,
    ResourceHealth? Health,
    DateTimeOffset? StartedAt,
    int? ExitCode)
{
    public bool IsRunningAndHealthy => State == "running" && Health is { Healthy: true };

    public override string ToString() =>
        $"{Name} ({Type}): {State}, health {(Health is null ? "none" : Health.Healthy ? "healthy" : "unhealthy: " + Health.Detail)}, pid {Pid}";
}
