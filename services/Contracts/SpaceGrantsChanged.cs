namespace Platform.Contracts;

/// <summary>
/// Which Spaces an agent may read changed: a grant was given, changed or revoked (<paramref name="AgentId"/> set), or
/// a Space was renamed or deleted (<paramref name="AgentId"/> null: every agent of the tenant).
/// </summary>
public sealed record SpaceGrantsChanged(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    Guid? AgentId,
    Guid SpaceId,
    string Reason);
