namespace Platform.IntegrationRegistry.Model;

/// <summary>Create or replace a space; <c>slug</c> is <c>[a-z0-9-]{1,40}</c>, unique in the tenant.</summary>
public sealed record SpaceRequest(string? Slug, string? Name, string? Description);
