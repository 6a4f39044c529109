namespace Platform.Hosting;

/// <summary>Lifecycle states as the dashboard shows them.</summary>
public static class ResourceStates
{
    public const string NotStarted = "not-started";
    public const string Waiting = "waiting";
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Unhealthy = "unhealthy";
    public const string Exited = "exited";
    public const string Restarting = "restarting";
    public const string Stopping = "stopping";
    public const string Stopped = "stopped";
    public const string Failed = "failed";
}

/// <summary>The last health probe of a resource instance.</summary>
public sealed record HealthResult(bool Healthy, DateTimeOffset CheckedAt, string Detail);

/// <summary>One environment variable of a process; secret values never leave the AppHost.</summary>
public sealed record EnvironmentEntry(string Name, string Value, bool IsSecret)
{
    public const string Mask = "********";

    public string DisplayValue => IsSecret ? Mask : Value;
}

/// <summary>One line a process wrote.</summary>
public sealed record LogLine(long Sequence, DateTimeOffset At, string Text, bool IsError);

/// <summary>A point-in-time view of one resource instance (a replica of a project is an instance of its own).</summary>
public sealed record ResourceSnapshot(
    string Name,
    string Resource,
    string Type,
    string State,
    IReadOnlyList<string> Urls,
    int? Pid,
    int RestartCount,
    HealthResult? Health,
    DateTimeOffset? StartedAt,
    int? ExitCode);
