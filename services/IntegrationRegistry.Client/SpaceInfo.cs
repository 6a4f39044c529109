namespace Platform.IntegrationRegistry.Client;

/// <summary>A named target inside a tenant (webhook deliveries, agent work).</summary>
public sealed record SpaceInfo(Guid SpaceId, Guid TenantId, string Slug, string Name);
