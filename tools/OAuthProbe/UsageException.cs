namespace Platform.OAuthProbe;

/// <summary>A command line the probe cannot run (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
