namespace Platform.IntegrationRegistry.Model;

/// <summary>A tenant: the unit of isolation; nothing in one tenant is visible from another.</summary>
public sealed record Tenant(Guid Id, string Slug, string Name, DateTimeOffset CreatedAt);
