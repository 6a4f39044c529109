namespace Platform.IntegrationRegistry.Model;

/// <summary>A named target inside a tenant for webhook deliveries and agent work.</summary>
public sealed record Space(Guid Id, string Slug, string Name, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
