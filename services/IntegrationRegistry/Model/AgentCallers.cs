namespace Platform.IntegrationRegistry.Model;

/// <summary>The agents of the tenant allowed to call an agent offered as tools; an empty list (the default) allows none.</summary>
public sealed record AgentCallers(IReadOnlyList<Guid>? AgentIds);
