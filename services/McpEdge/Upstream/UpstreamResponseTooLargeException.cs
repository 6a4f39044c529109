namespace Platform.McpEdge.Upstream;

/// <summary>An upstream answer went past <see cref="McpEdgeOptions.MaxUpstreamResponseBytes"/>; reading stopped there.</summary>
public sealed class UpstreamResponseTooLargeException(long limit)
    : IOException($"The upstream's answer is larger than {limit} bytes, the most the platform reads from one upstream answer.")
{
    public long Limit { get; } = limit;
}
