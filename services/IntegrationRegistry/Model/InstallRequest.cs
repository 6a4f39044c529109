namespace Platform.IntegrationRegistry.Model;

/// <summary>Create or replace an install; <c>slug</c> is <c>[a-z0-9-]{1,40}</c>, unique in the tenant; timeout 1–600 s (default 30).</summary>
public sealed record InstallRequest(
    string? Slug,
    string? DisplayName,
    Guid? DefinitionId,
    Guid? AuthMethodId,
    IReadOnlyList<string>? AllowedTools,
    IReadOnlyList<string>? DeniedTools,
    int? CallTimeoutSeconds);
