namespace Platform.IntegrationRegistry.Model;

/// <summary>An agent's access to a Space's events: <c>person</c> (its person's and subjectless events) or <c>whole-space</c>.</summary>
public sealed record SpaceGrant(Guid SpaceId, Guid AgentId, string AgentSlug, string Scope, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
