namespace Platform.Hosting;

/// <summary>An environment variable as the dashboard shows it: secret values already masked.</summary>
internal sealed record EnvironmentVariableView(string Name, string Value);
