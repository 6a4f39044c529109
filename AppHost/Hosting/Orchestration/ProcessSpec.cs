namespace Platform.Hosting;

/// <summary>What to run for one resource instance.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>Variables set on top of the AppHost's own environment.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>Inherited variables matching these prefixes are removed (a service gets only its own references).</summary>
    public IReadOnlyList<string> RemoveInheritedPrefixes { get; init; } = [];

    /// <summary>Run as this system user (PostgreSQL refuses to run as root).</summary>
    public string? RunAsUser { get; init; }
}
