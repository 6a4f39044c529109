namespace Platform.IntegrationRegistry.Model;

/// <summary>Operator request: a new tenant (slug <c>[a-z0-9-]{1,40}</c>) and, in the answer, its first admin key.</summary>
public sealed record CreateTenantRequest(string? Slug, string? Name, DateTimeOffset? AdminKeyExpiresAt = null);
