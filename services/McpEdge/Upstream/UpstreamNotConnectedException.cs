namespace Platform.McpEdge.Upstream;

/// <summary>The caller's subject has no usable credential on the install; the message says what to do about it.</summary>
public sealed class UpstreamNotConnectedException : Exception
{
    public UpstreamNotConnectedException()
    {
    }

    public UpstreamNotConnectedException(string message)
        : base(message)
    {
    }

    public UpstreamNotConnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
