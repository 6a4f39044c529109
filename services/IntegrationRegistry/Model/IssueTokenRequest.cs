namespace Platform.IntegrationRegistry.Model;

/// <summary>Issue an agent token or admin key: an optional label and an optional expiry in the future.</summary>
public sealed record IssueTokenRequest(string? Name, DateTimeOffset? ExpiresAt);
