namespace Platform.McpEdge.Upstream;

/// <summary>One upstream session per source, subject and credential: subjects never share an upstream session.</summary>
public readonly record struct UpstreamSessionKey(Guid SourceId, Guid TenantId, Guid SubjectId, string CredentialFingerprint);
