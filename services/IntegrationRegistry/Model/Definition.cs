namespace Platform.IntegrationRegistry.Model;

/// <summary>What a service is: kind <c>mcp</c> or <c>oauth-api</c>, base URL; platform-wide ones are read-only to tenants.</summary>
public sealed record Definition(
    Guid Id,
    string Name,
    string Kind,
    string BaseUrl,
    string? Description,
    bool PlatformWide,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
