namespace Platform.Tests.Infrastructure;

/// <summary>One environment variable as <c>GET /api/resources/{name}/environment</c> shows it.</summary>
public sealed record EnvironmentVariable(string Name, string Value)
{
    /// <summary>The name only, so that no assertion message can print a value that should have been masked.</summary>
    public override string ToString() => Name;
}
