namespace Platform.IntegrationRegistry.Model;

/// <summary>
/// One instance of a definition in the tenant. Empty <c>allowedTools</c> allows every tool; <c>deniedTools</c> always
/// wins. Resources (URIs, or prefixes ending in <c>*</c>) and prompts (names) have lists of their own, alike.
/// </summary>
public sealed record Install(
    Guid Id,
    string Slug,
    string? DisplayName,
    Guid DefinitionId,
    Guid AuthMethodId,
    IReadOnlyList<string> AllowedTools,
    IReadOnlyList<string> DeniedTools,
    int CallTimeoutSeconds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public IReadOnlyList<string> AllowedResources { get; init; } = [];

    public IReadOnlyList<string> DeniedResources { get; init; } = [];

    public IReadOnlyList<string> AllowedPrompts { get; init; } = [];

    public IReadOnlyList<string> DeniedPrompts { get; init; } = [];
}
