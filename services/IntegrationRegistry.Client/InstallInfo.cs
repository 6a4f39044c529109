namespace Platform.IntegrationRegistry.Client;

/// <summary>
/// One install a subject may use: the definition's kind (<c>mcp</c> or <c>oauth-api</c>) and base URL, the auth
/// method's kind (<c>none</c>, <c>static</c>, <c>oauth</c>, <c>client-credentials</c>), the tool, resource and prompt lists and timeout, and whether the subject has an active credential on it.
/// </summary>
public sealed record InstallInfo(
    Guid InstallId,
    Guid TenantId,
    string Slug,
    string DefinitionName,
    string Kind,
    string BaseUrl,
    string AuthMethod,
    IReadOnlyList<string> AllowedTools,
    IReadOnlyList<string> DeniedTools,
    int CallTimeoutSeconds,
    bool Connected)
{
    /// <summary>Resource URIs (or prefixes ending in <c>*</c>) agents may read; empty allows every one.</summary>
    public IReadOnlyList<string> AllowedResources { get; init; } = [];

    /// <summary>Resource URIs or prefixes agents may never read; always wins.</summary>
    public IReadOnlyList<string> DeniedResources { get; init; } = [];

    /// <summary>Prompt names agents may get; empty allows every one.</summary>
    public IReadOnlyList<string> AllowedPrompts { get; init; } = [];

    /// <summary>Prompt names agents may never get; always wins.</summary>
    public IReadOnlyList<string> DeniedPrompts { get; init; } = [];
}
