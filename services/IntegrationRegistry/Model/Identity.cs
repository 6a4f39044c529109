namespace Platform.IntegrationRegistry.Model;

/// <summary>A person in a tenant; agents act for one, and credentials belong to one.</summary>
public sealed record Identity(Guid Id, string Name, string? DisplayName, string? Email, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
