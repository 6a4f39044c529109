namespace Platform.McpEdge.Upstream;

/// <summary>A platform service the call needs (registry, vault) could not answer; nothing reached the upstream.</summary>
public sealed class PlatformUnavailableException : Exception
{
    public PlatformUnavailableException()
    {
    }

    public PlatformUnavailableException(string message)
        : base(message)
    {
    }

    public PlatformUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
