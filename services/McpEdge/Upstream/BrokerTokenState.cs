namespace Platform.McpEdge.Upstream;

/// <summary>What the broker says about a credential's access token (no material).</summary>
public sealed record BrokerTokenState(Guid CredentialId, Guid AccessTokenSecretId, DateTimeOffset? ExpiresAt, bool Refreshed);
