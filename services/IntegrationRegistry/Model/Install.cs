namespace Platform.IntegrationRegistry.Model;

/// <summary>One instance of a definition in the tenant. Empty <c>allowedTools</c> allows every tool; <c>deniedTools</c> always wins.</summary>
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
    DateTimeOffset UpdatedAt);
