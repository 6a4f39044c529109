namespace Platform.Contracts;

/// <summary>The tools visible to a tenant (or to one subject on one install) changed.</summary>
public sealed record CatalogChanged(
    Guid Id,
    DateTime OccurredAt,
    string TenantId,
    Guid? InstallId,
    string? SubjectId,
    string Reason);
