namespace Platform.IntegrationRegistry.Client;

/// <summary>A Space an agent may read, and how much of it (<see cref="SpaceGrantScopes"/>).</summary>
public sealed record SpaceGrantInfo(Guid SpaceId, string Slug, string Name, string Scope);
