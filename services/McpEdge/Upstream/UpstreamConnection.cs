using ModelContextProtocol.Client;

namespace Platform.McpEdge.Upstream;

/// <summary>A ready upstream session and the credential it presents.</summary>
public sealed record UpstreamConnection(UpstreamSessionKey Key, McpClient Client, UpstreamCredential Credential);
