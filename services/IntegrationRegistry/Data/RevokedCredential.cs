using Platform.IntegrationRegistry.Model;

namespace Platform.IntegrationRegistry.Data;

/// <summary>A credential after revocation, and the vault secrets this revocation queued (empty if it was already revoked).</summary>
public sealed record RevokedCredential(Credential Credential, IReadOnlyCollection<Guid> SecretIds);
