namespace Platform.IntegrationRegistry.Model;

/// <summary>
/// Create or replace an install; <c>slug</c> is <c>[a-z0-9-]{1,40}</c>, unique in the tenant; timeout 1–600 s
/// (default 30). Each allow list left empty allows everything of its kind; each deny list always wins.
/// </summary>
public sealed record InstallRequest(
    string? Slug,
    string? DisplayName,
    Guid? DefinitionId,
    Guid? AuthMethodId,
    IReadOnlyList<string>? AllowedTools,
    IReadOnlyList<string>? DeniedTools,
    int? CallTimeoutSeconds)
{
    /// <summary>Upstream resource URIs (or prefixes ending in <c>*</c>) agents may read; also matched against URI templates.</summary>
    public IReadOnlyList<string>? AllowedResources { get; init; }

    public IReadOnlyList<string>? DeniedResources { get; init; }

    /// <summary>Upstream prompt names agents may get (and complete arguments of).</summary>
    public IReadOnlyList<string>? AllowedPrompts { get; init; }

    public IReadOnlyList<string>? DeniedPrompts { get; init; }
}
