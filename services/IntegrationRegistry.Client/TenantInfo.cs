namespace Platform.IntegrationRegistry.Client;

/// <summary>A tenant as other services see it.</summary>
public sealed record TenantInfo(Guid TenantId, string Slug, string Name);
