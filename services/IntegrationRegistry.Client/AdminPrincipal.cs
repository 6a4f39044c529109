namespace Platform.IntegrationRegistry.Client;

/// <summary>The tenant a valid admin key administers, and the key's id (for audit and revocation).</summary>
public sealed record AdminPrincipal(Guid TenantId, string TenantSlug, Guid KeyId);
