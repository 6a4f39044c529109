namespace Platform.McpEdge.Upstream;

/// <summary>
/// One upstream session per source, endpoint, subject and credential: subjects never share an upstream session,
/// even on an install without auth, and a source whose URL changed never reuses a session to the old one.
/// </summary>
public readonly record struct UpstreamSessionKey(Guid SourceId, string Endpoint, Guid TenantId, Guid SubjectId, string CredentialFingerprint);
